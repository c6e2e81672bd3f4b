//! Forum groups: invite codes, joining, membership, key epochs and rotation, and who may do
//! what (non-members see nothing, members may not do the creator's part).

use crate::forum;

use forum::{Forum, User, wrapped};
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_testkit::authed;
use tonic::Code;
use tonic_types::StatusExt;

fn rotation(epoch: i64, members: &[&User]) -> pb::Rotation {
    pb::Rotation {
        new_epoch: epoch,
        keys: members
            .iter()
            .map(|u| pb::MemberKey {
                user_id: u.id.clone(),
                encrypted_group_key: wrapped(u, epoch),
            })
            .collect(),
    }
}

async fn rotate(
    f: &Forum,
    user: &User,
    group: &pb::Group,
    r: pb::Rotation,
) -> Result<pb::Group, tonic::Status> {
    f.groups()
        .await
        .rotate_group_key(authed(
            &user.token,
            pb::RotateGroupKeyRequest {
                group_id: group.id.clone(),
                rotation: Some(r),
            },
        ))
        .await
        .map(|r| r.into_inner().group.expect("group"))
}

#[tokio::test]
async fn invite_codes_join_members_and_a_replaced_code_stops_working() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let bob = f.user("bob").await;
    let carol = f.user("carol").await;
    let group = f.group(&alice).await;
    assert_eq!(group.invite_code.len(), 8);
    assert!(group.invite_code.bytes().all(|b| b.is_ascii_alphanumeric()));
    assert_eq!(group.key_epoch, 1);
    assert_eq!(
        f.usage(&group).await,
        (0, 0),
        "the quota row is created with the group"
    );

    f.join(&bob, &group).await.expect("bob joins");
    let again = f.join(&bob, &group).await.expect_err("twice");
    assert_eq!(again.code(), Code::AlreadyExists);

    // A key for another epoch names the current one.
    let mut groups = f.groups().await;
    let wrong = groups
        .join_group(authed(
            &carol.token,
            pb::JoinGroupRequest {
                invite_code: group.invite_code.clone(),
                encrypted_group_key: wrapped(&carol, 2),
                key_epoch: 2,
            },
        ))
        .await
        .expect_err("wrong epoch");
    assert_eq!(wrong.code(), Code::FailedPrecondition);
    assert!(
        wrong.message().contains("current epoch, 1"),
        "{}",
        wrong.message()
    );

    let replaced = groups
        .replace_invite_code(authed(
            &alice.token,
            pb::ReplaceInviteCodeRequest {
                group_id: group.id.clone(),
            },
        ))
        .await
        .expect("replaced")
        .into_inner()
        .group
        .expect("group");
    assert_ne!(replaced.invite_code, group.invite_code);
    let old = groups
        .join_group(authed(
            &carol.token,
            pb::JoinGroupRequest {
                invite_code: group.invite_code.clone(),
                encrypted_group_key: wrapped(&carol, 1),
                key_epoch: 1,
            },
        ))
        .await
        .expect_err("the old code is dead");
    assert_eq!(old.code(), Code::NotFound);
    f.join(&carol, &group).await.expect("the new code works");

    let members = groups
        .list_members(authed(
            &bob.token,
            pb::ListMembersRequest {
                group_id: group.id.clone(),
            },
        ))
        .await
        .expect("members")
        .into_inner()
        .members;
    let ids: Vec<_> = members.iter().map(|m| m.user_id.clone()).collect();
    assert_eq!(
        ids,
        vec![alice.id.clone(), bob.id.clone(), carol.id.clone()]
    );

    let listed = groups
        .list_groups(authed(&carol.token, pb::ListGroupsRequest::default()))
        .await
        .expect("list")
        .into_inner()
        .groups;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, group.id);
}

#[tokio::test]
async fn non_members_see_nothing_and_members_cannot_do_the_creators_part() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let bob = f.user("bob").await;
    let mallory = f.user("mallory").await;
    let group = f.group(&alice).await;
    f.join(&bob, &group).await.expect("join");
    let id = group.id.clone();
    let mut g = f.groups().await;
    let as_mallory = [
        g.get_group(authed(
            &mallory.token,
            pb::GetGroupRequest {
                group_id: id.clone(),
            },
        ))
        .await
        .err(),
        g.list_members(authed(
            &mallory.token,
            pb::ListMembersRequest {
                group_id: id.clone(),
            },
        ))
        .await
        .err(),
        g.list_group_keys(authed(
            &mallory.token,
            pb::ListGroupKeysRequest {
                group_id: id.clone(),
            },
        ))
        .await
        .err(),
        g.leave_group(authed(
            &mallory.token,
            pb::LeaveGroupRequest {
                group_id: id.clone(),
            },
        ))
        .await
        .err(),
        g.delete_group(authed(
            &mallory.token,
            pb::DeleteGroupRequest {
                group_id: id.clone(),
            },
        ))
        .await
        .err(),
        g.replace_invite_code(authed(
            &mallory.token,
            pb::ReplaceInviteCodeRequest {
                group_id: id.clone(),
            },
        ))
        .await
        .err(),
        rotate(&f, &mallory, &group, rotation(2, &[&alice, &bob]))
            .await
            .err(),
        f.thread(&mallory, &group, 1).await.err(),
    ];
    for (i, err) in as_mallory.iter().enumerate() {
        let err = err
            .as_ref()
            .unwrap_or_else(|| panic!("call {i} succeeded for a non-member"));
        assert_eq!(err.code(), Code::NotFound, "call {i}: {err:?}");
    }
    let as_bob = [
        g.delete_group(authed(
            &bob.token,
            pb::DeleteGroupRequest {
                group_id: id.clone(),
            },
        ))
        .await
        .err(),
        g.replace_invite_code(authed(
            &bob.token,
            pb::ReplaceInviteCodeRequest {
                group_id: id.clone(),
            },
        ))
        .await
        .err(),
        g.remove_member(authed(
            &bob.token,
            pb::RemoveMemberRequest {
                group_id: id.clone(),
                user_id: alice.id.clone(),
                rotation: Some(rotation(2, &[&bob])),
            },
        ))
        .await
        .err(),
    ];
    for (i, err) in as_bob.iter().enumerate() {
        let err = err
            .as_ref()
            .unwrap_or_else(|| panic!("call {i} succeeded for a member"));
        assert_eq!(err.code(), Code::PermissionDenied, "call {i}: {err:?}");
    }
    // Nothing changed.
    let now = f.get_group(&alice, &group).await;
    assert_eq!(
        (now.invite_code, now.key_epoch),
        (group.invite_code.clone(), 1)
    );
    assert_eq!(
        f.count(&format!(
            "SELECT count(*) FROM messaging.members WHERE group_id = '{id}'"
        ))
        .await,
        2
    );
    let creator_leaves = g
        .leave_group(authed(
            &alice.token,
            pb::LeaveGroupRequest {
                group_id: id.clone(),
            },
        ))
        .await
        .expect_err("the creator deletes instead");
    assert_eq!(creator_leaves.code(), Code::FailedPrecondition);
}

#[tokio::test]
async fn after_a_leave_posting_waits_for_a_rotation_that_covers_exactly_the_members() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let bob = f.user("bob").await;
    let carol = f.user("carol").await;
    let group = f.group(&alice).await;
    f.join(&bob, &group).await.expect("join");
    f.join(&carol, &group).await.expect("join");
    f.thread(&bob, &group, 1).await.expect("posting at epoch 1");
    f.groups()
        .await
        .leave_group(authed(
            &carol.token,
            pb::LeaveGroupRequest {
                group_id: group.id.clone(),
            },
        ))
        .await
        .expect("carol leaves");
    let refused = f.thread(&bob, &group, 1).await.expect_err("rotation first");
    assert_eq!(refused.code(), Code::FailedPrecondition);
    assert_eq!(
        refused.get_details_error_info().expect("info").reason,
        "KEY_ROTATION_REQUIRED"
    );

    // Missing bob, and a key for carol who left: both named.
    let bad = rotate(&f, &alice, &group, rotation(2, &[&alice, &carol]))
        .await
        .expect_err("wrong set");
    assert_eq!(bad.code(), Code::FailedPrecondition);
    let named: Vec<String> = bad
        .get_details_precondition_failure()
        .expect("violations")
        .violations
        .iter()
        .map(|v| v.subject.clone())
        .collect();
    assert!(named.contains(&format!("users/{}", bob.id)), "{named:?}");
    assert!(named.contains(&format!("users/{}", carol.id)), "{named:?}");
    let skipped = rotate(&f, &alice, &group, rotation(3, &[&alice, &bob]))
        .await
        .expect_err("epoch + 1 only");
    assert_eq!(skipped.code(), Code::Aborted);

    let rotated = rotate(&f, &bob, &group, rotation(2, &[&alice, &bob]))
        .await
        .expect("rotated");
    assert_eq!((rotated.key_epoch, rotated.rotation_required), (2, false));
    let stale = f.thread(&bob, &group, 1).await.expect_err("old epoch");
    assert_eq!(stale.code(), Code::FailedPrecondition);
    f.thread(&bob, &group, 2).await.expect("posting at epoch 2");
    let keys = f
        .groups()
        .await
        .list_group_keys(authed(
            &bob.token,
            pb::ListGroupKeysRequest {
                group_id: group.id.clone(),
            },
        ))
        .await
        .expect("keys")
        .into_inner()
        .keys;
    let epochs: Vec<_> = keys
        .iter()
        .map(|k| (k.key_epoch, k.encrypted_group_key.clone()))
        .collect();
    assert_eq!(epochs, vec![(2, wrapped(&bob, 2)), (1, wrapped(&bob, 1))]);
}

#[tokio::test]
async fn of_concurrent_rotations_exactly_one_wins() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let bob = f.user("bob").await;
    let group = f.group(&alice).await;
    f.join(&bob, &group).await.expect("join");
    let mut calls = Vec::new();
    for i in 0..12 {
        let (f_ref, user) = (&f, if i % 2 == 0 { &alice } else { &bob });
        let (alice, bob, group) = (&alice, &bob, &group);
        calls.push(async move { rotate(f_ref, user, group, rotation(2, &[alice, bob])).await });
    }
    let results = futures::future::join_all(calls).await;
    let won = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(won, 1, "{results:?}");
    for lost in results.iter().filter_map(|r| r.as_ref().err()) {
        assert_eq!(lost.code(), Code::Aborted, "{lost:?}");
    }
    assert_eq!(f.get_group(&alice, &group).await.key_epoch, 2);
    assert_eq!(
        f.count(&format!(
            "SELECT count(*) FROM messaging.member_keys WHERE group_id = '{}' AND key_epoch = 2",
            group.id
        ))
        .await,
        2
    );
}

#[tokio::test]
async fn a_removed_member_can_neither_read_nor_post() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let bob = f.user("bob").await;
    let group = f.group(&alice).await;
    f.join(&bob, &group).await.expect("join");
    let thread = f.thread(&alice, &group, 1).await.expect("thread");
    let removed = f
        .groups()
        .await
        .remove_member(authed(
            &alice.token,
            pb::RemoveMemberRequest {
                group_id: group.id.clone(),
                user_id: bob.id.clone(),
                rotation: Some(rotation(2, &[&alice])),
            },
        ))
        .await
        .expect("removed")
        .into_inner()
        .group
        .expect("group");
    assert_eq!((removed.key_epoch, removed.rotation_required), (2, false));
    let read = f
        .threads()
        .await
        .get_thread(authed(
            &bob.token,
            pb::GetThreadRequest {
                thread_id: thread.id.clone(),
            },
        ))
        .await
        .expect_err("bob is out");
    assert_eq!(read.code(), Code::NotFound);
    let post = f.thread(&bob, &group, 2).await.expect_err("bob is out");
    assert_eq!(post.code(), Code::NotFound);
    assert_eq!(
        f.count(&format!(
            "SELECT count(*) FROM messaging.member_keys WHERE user_id = '{}'",
            bob.id
        ))
        .await,
        0,
        "a removed member's keys go with the membership"
    );
}

#[tokio::test]
async fn failed_joins_are_limited_across_two_instances_and_then_every_join_waits() {
    let mut config = forum::config();
    config.join_failure_rate = "3/15m".parse().expect("rate");
    let mut f = Forum::with_config(config).await;
    f.start_messaging().await;
    let alice = f.user("alice").await;
    let eve = f.user("eve").await;
    let group = f.group(&alice).await;
    let replicas = f.suite.replicas("messaging");
    assert_eq!(replicas.len(), 2);
    let mut codes = Vec::new();
    for i in 0..5 {
        let channel = replicas[i % 2].channel().await;
        let mut g =
            tessera_proto::tessera::messaging::v1::group_service_client::GroupServiceClient::new(
                channel,
            );
        let err = g
            .join_group(authed(
                &eve.token,
                pb::JoinGroupRequest {
                    invite_code: format!("Wrong{i:03}"),
                    encrypted_group_key: wrapped(&eve, 1),
                    key_epoch: 1,
                },
            ))
            .await
            .expect_err("wrong code");
        codes.push(err.code());
    }
    // Three failures are allowed in all, whichever instance counted them.
    assert_eq!(
        codes,
        vec![
            Code::NotFound,
            Code::NotFound,
            Code::NotFound,
            Code::ResourceExhausted,
            Code::ResourceExhausted
        ]
    );
    let right = f
        .join(&eve, &group)
        .await
        .expect_err("even the right code waits");
    assert_eq!(right.code(), Code::ResourceExhausted);
    assert!(right.get_details_retry_info().is_some());
    assert_eq!(
        f.count(&format!(
            "SELECT count(*) FROM messaging.members WHERE user_id = '{}'",
            eve.id
        ))
        .await,
        0
    );
}
