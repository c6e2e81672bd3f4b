//! ChatService: direct chats once per pair, groups with an owner, membership changes,
//! listing by recent activity, the devices of a chat, and bad input.

use crate::harness;

use harness::Harness;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_testkit::{authed, bad_fields};
use tonic::Code;

#[tokio::test]
async fn a_direct_chat_exists_once_per_pair_whoever_asks_and_however_often() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let mut tasks = Vec::new();
    for i in 0..10 {
        let mut chats = h.chats().await;
        let (me, other) = if i % 2 == 0 {
            (alice.clone(), bob.clone())
        } else {
            (bob.clone(), alice.clone())
        };
        tasks.push(tokio::spawn(async move {
            chats
                .get_or_create_direct_chat(authed(
                    &me.token,
                    pb::GetOrCreateDirectChatRequest { user_id: other.id },
                ))
                .await
                .expect("direct chat")
                .into_inner()
        }));
    }
    let mut ids = Vec::new();
    let mut created = 0;
    for task in tasks {
        let response = task.await.expect("task");
        created += usize::from(response.created);
        let chat = response.chat.expect("chat");
        assert_eq!(chat.r#type, pb::ChatType::Direct as i32);
        assert_eq!(chat.members.len(), 2);
        ids.push(chat.id);
    }
    ids.dedup();
    assert_eq!(ids.len(), 1);
    assert_eq!(created, 1);
    assert_eq!(h.count("SELECT count(*) FROM messaging.chats").await, 1);

    let mut chats = h.chats().await;
    let myself = chats
        .get_or_create_direct_chat(authed(
            &alice.token,
            pb::GetOrCreateDirectChatRequest {
                user_id: alice.id.clone(),
            },
        ))
        .await
        .expect_err("with oneself");
    assert_eq!(bad_fields(&myself), ["user_id"]);
    let nobody = chats
        .get_or_create_direct_chat(authed(
            &alice.token,
            pb::GetOrCreateDirectChatRequest {
                user_id: uuid::Uuid::now_v7().to_string(),
            },
        ))
        .await
        .expect_err("a user identity does not know");
    assert_eq!(nobody.code(), Code::NotFound);
    assert_eq!(h.count("SELECT count(*) FROM messaging.chats").await, 1);
}

#[tokio::test]
async fn groups_have_an_owner_who_alone_changes_members() {
    let h = Harness::start().await;
    let owner = h.user("owner").await;
    let bob = h.user("bob").await;
    let carol = h.user("carol").await;
    let dave = h.user("dave").await;
    let mut chats = h.chats().await;
    let chat = chats
        .create_group_chat(authed(
            &owner.token,
            pb::CreateGroupChatRequest {
                name: "  Team ".into(),
                member_user_ids: vec![bob.id.clone(), bob.id.clone(), owner.id.clone()],
            },
        ))
        .await
        .expect("group")
        .into_inner()
        .chat
        .expect("chat");
    assert_eq!(
        (chat.name.as_str(), chat.owner_id.as_str()),
        ("Team", owner.id.as_str())
    );
    let roles: Vec<(String, i32)> = chat
        .members
        .iter()
        .map(|m| (m.user_id.clone(), m.role))
        .collect();
    assert_eq!(
        roles,
        [
            (owner.id.clone(), pb::ChatRole::Owner as i32),
            (bob.id.clone(), pb::ChatRole::Member as i32)
        ]
    );

    // A member may not add or remove; a stranger does not see the chat.
    let add = |token: &str, users: Vec<String>| {
        authed(
            token,
            pb::AddChatMembersRequest {
                chat_id: chat.id.clone(),
                user_ids: users,
            },
        )
    };
    let err = chats
        .add_chat_members(add(&bob.token, vec![carol.id.clone()]))
        .await
        .expect_err("a member");
    assert_eq!(err.code(), Code::PermissionDenied);
    let err = chats
        .add_chat_members(add(&carol.token, vec![carol.id.clone()]))
        .await
        .expect_err("a stranger");
    assert_eq!(err.code(), Code::NotFound);
    let err = chats
        .add_chat_members(add(&owner.token, vec![uuid::Uuid::now_v7().to_string()]))
        .await
        .expect_err("an unknown user");
    assert_eq!(err.code(), Code::NotFound);
    let added = chats
        .add_chat_members(add(
            &owner.token,
            vec![carol.id.clone(), dave.id.clone(), bob.id.clone()],
        ))
        .await
        .expect("add")
        .into_inner()
        .chat
        .expect("chat");
    assert_eq!(added.members.len(), 4);

    let remove = |token: &str, user: &str| {
        authed(
            token,
            pb::RemoveChatMemberRequest {
                chat_id: chat.id.clone(),
                user_id: user.into(),
            },
        )
    };
    let err = chats
        .remove_chat_member(remove(&bob.token, &carol.id))
        .await
        .expect_err("a member");
    assert_eq!(err.code(), Code::PermissionDenied);
    chats
        .remove_chat_member(remove(&owner.token, &carol.id))
        .await
        .expect("remove");
    let err = chats
        .remove_chat_member(remove(&owner.token, &carol.id))
        .await
        .expect_err("not a member now");
    assert_eq!(err.code(), Code::NotFound);
    let err = chats
        .get_chat(authed(
            &carol.token,
            pb::GetChatRequest {
                chat_id: chat.id.clone(),
            },
        ))
        .await
        .expect_err("removed");
    assert_eq!(err.code(), Code::NotFound);

    // dave leaves; the owner leaves and the group goes on without one.
    chats
        .leave_chat(authed(
            &dave.token,
            pb::LeaveChatRequest {
                chat_id: chat.id.clone(),
            },
        ))
        .await
        .expect("leave");
    chats
        .leave_chat(authed(
            &owner.token,
            pb::LeaveChatRequest {
                chat_id: chat.id.clone(),
            },
        ))
        .await
        .expect("leave");
    let left = chats
        .get_chat(authed(
            &bob.token,
            pb::GetChatRequest {
                chat_id: chat.id.clone(),
            },
        ))
        .await
        .expect("bob still sees it")
        .into_inner()
        .chat
        .expect("chat");
    assert_eq!(left.owner_id, "");
    assert_eq!(left.members.len(), 1);

    // Direct chats cannot be left or changed.
    let direct = h.direct_chat(&bob, &carol).await;
    let err = chats
        .leave_chat(authed(
            &bob.token,
            pb::LeaveChatRequest {
                chat_id: direct.clone(),
            },
        ))
        .await
        .expect_err("direct");
    assert_eq!(err.code(), Code::FailedPrecondition);
    let err = chats
        .add_chat_members(authed(
            &bob.token,
            pb::AddChatMembersRequest {
                chat_id: direct,
                user_ids: vec![dave.id.clone()],
            },
        ))
        .await
        .expect_err("direct");
    assert_eq!(err.code(), Code::FailedPrecondition);
}

#[tokio::test]
async fn chats_are_listed_by_recent_activity_and_pages_hold() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let phone = h.enroll(&alice, 0).await;
    let mut ids = Vec::new();
    for i in 0..5 {
        let peer = h.user(&format!("peer{i}")).await;
        h.enroll(&peer, 0).await;
        ids.push(h.direct_chat(&alice, &peer).await);
    }
    // Activity in the oldest chat moves it to the top.
    h.send(&phone, &ids[0], "m", b"x").await.expect("send");
    let mut expected: Vec<String> = ids[1..].iter().rev().cloned().collect();
    expected.insert(0, ids[0].clone());
    let mut listed = Vec::new();
    let mut token = String::new();
    loop {
        let page = h
            .chats()
            .await
            .list_chats(authed(
                &alice.token,
                pb::ListChatsRequest {
                    page_size: 2,
                    page_token: token,
                },
            ))
            .await
            .expect("list")
            .into_inner();
        listed.extend(page.chats.into_iter().map(|c| c.id));
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    assert_eq!(listed, expected);
    // Someone else's token is refused.
    let bob = h.user("bob").await;
    let first = h
        .chats()
        .await
        .list_chats(authed(
            &alice.token,
            pb::ListChatsRequest {
                page_size: 1,
                ..Default::default()
            },
        ))
        .await
        .expect("list")
        .into_inner();
    let err = h
        .chats()
        .await
        .list_chats(authed(
            &bob.token,
            pb::ListChatsRequest {
                page_size: 1,
                page_token: first.next_page_token,
            },
        ))
        .await
        .expect_err("another caller's token");
    assert_eq!(bad_fields(&err), ["page_token"]);
}

#[tokio::test]
async fn a_chat_lists_its_members_devices_with_identity_keys() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let phone = h.enroll(&alice, 0).await;
    let bobs = h.enroll(&bob, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    let devices = h
        .chats()
        .await
        .list_chat_devices(authed(
            &bob.token,
            pb::ListChatDevicesRequest {
                chat_id: chat.clone(),
            },
        ))
        .await
        .expect("devices")
        .into_inner()
        .devices;
    let mut got: Vec<(String, Vec<u8>)> = devices
        .into_iter()
        .map(|d| (d.device_id, d.identity_key))
        .collect();
    got.sort();
    let mut expected = vec![
        (phone.id.clone(), phone.identity_key()),
        (bobs.id.clone(), bobs.identity_key()),
    ];
    expected.sort();
    assert_eq!(got, expected);
}

#[tokio::test]
async fn bad_group_input_names_every_field() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let err = h
        .chats()
        .await
        .create_group_chat(authed(
            &alice.token,
            pb::CreateGroupChatRequest {
                name: "bad\u{202e}name".into(),
                member_user_ids: vec!["nope".into(), "{x}".into()],
            },
        ))
        .await
        .expect_err("bad");
    let mut fields = bad_fields(&err);
    fields.sort();
    assert_eq!(fields, ["member_user_ids[0]", "member_user_ids[1]", "name"]);
    let err = h
        .chats()
        .await
        .create_group_chat(authed(
            &alice.token,
            pb::CreateGroupChatRequest {
                name: " ".into(),
                member_user_ids: vec![],
            },
        ))
        .await
        .expect_err("no name");
    assert_eq!(bad_fields(&err), ["name"]);
    assert_eq!(h.count("SELECT count(*) FROM messaging.chats").await, 0);
}
