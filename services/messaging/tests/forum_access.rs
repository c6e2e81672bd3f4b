//! Forum access beyond groups and media: every thread and reply RPC as a non-member, the
//! reads members do, a group deleted by its creator over RPC, and the upload rate limit held
//! across two instances.

use crate::forum;

use forum::{Forum, KIB, content};
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::media_service_client::MediaServiceClient;
use tessera_testkit::authed;
use tonic::Code;
use tonic_types::StatusExt;

#[tokio::test]
async fn non_members_reach_no_thread_or_reply_and_change_nothing() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let mallory = f.user("mallory").await;
    let group = f.group(&alice).await;
    let thread = f.thread(&alice, &group, 1).await.expect("thread");
    let mut t = f.threads().await;
    let reply = t
        .create_reply(authed(
            &alice.token,
            pb::CreateReplyRequest {
                thread_id: thread.id.clone(),
                encrypted_body: vec![1],
                key_epoch: 1,
            },
        ))
        .await
        .expect("reply")
        .into_inner()
        .reply
        .expect("reply");
    let (tid, rid) = (thread.id.clone(), reply.id.clone());
    let m = &mallory.token;
    let errors = [
        t.get_thread(authed(
            m,
            pb::GetThreadRequest {
                thread_id: tid.clone(),
            },
        ))
        .await
        .err(),
        t.list_threads(authed(
            m,
            pb::ListThreadsRequest {
                group_id: group.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .err(),
        t.delete_thread(authed(
            m,
            pb::DeleteThreadRequest {
                thread_id: tid.clone(),
            },
        ))
        .await
        .err(),
        t.create_reply(authed(
            m,
            pb::CreateReplyRequest {
                thread_id: tid.clone(),
                encrypted_body: vec![2],
                key_epoch: 1,
            },
        ))
        .await
        .err(),
        t.get_reply(authed(
            m,
            pb::GetReplyRequest {
                reply_id: rid.clone(),
            },
        ))
        .await
        .err(),
        t.list_replies(authed(
            m,
            pb::ListRepliesRequest {
                thread_id: tid.clone(),
                ..Default::default()
            },
        ))
        .await
        .err(),
        t.delete_reply(authed(
            m,
            pb::DeleteReplyRequest {
                reply_id: rid.clone(),
            },
        ))
        .await
        .err(),
    ];
    for (i, err) in errors.iter().enumerate() {
        let err = err
            .as_ref()
            .unwrap_or_else(|| panic!("call {i} succeeded for a non-member"));
        assert_eq!(err.code(), Code::NotFound, "call {i}: {err:?}");
    }
    assert_eq!(f.count("SELECT count(*) FROM messaging.threads").await, 1);
    assert_eq!(f.count("SELECT count(*) FROM messaging.replies").await, 1);

    // Members read them.
    let got = t
        .get_reply(authed(
            &alice.token,
            pb::GetReplyRequest {
                reply_id: rid.clone(),
            },
        ))
        .await
        .expect("reply")
        .into_inner()
        .reply
        .expect("reply");
    assert_eq!(
        (got.thread_id, got.author_id, got.encrypted_body),
        (tid.clone(), alice.id.clone(), vec![1])
    );
    let got = f
        .groups()
        .await
        .get_group(authed(
            &alice.token,
            pb::GetGroupRequest {
                group_id: group.id.clone(),
            },
        ))
        .await
        .expect("group")
        .into_inner()
        .group
        .expect("group");
    assert_eq!(
        (got.id, got.created_by, got.key_epoch),
        (group.id.clone(), alice.id.clone(), 1)
    );
}

#[tokio::test]
async fn a_group_deleted_by_its_creator_takes_its_threads_media_and_files_with_it() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let bob = f.user("bob").await;
    let group = f.group(&alice).await;
    let other = f.group(&alice).await;
    f.join(&bob, &group).await.expect("join");
    let thread = f.thread(&bob, &group, 1).await.expect("thread");
    f.upload(&bob, &thread, &content(300 * KIB, 1), None)
        .await
        .expect("media");
    let kept_thread = f.thread(&alice, &other, 1).await.expect("thread");
    f.upload(&alice, &kept_thread, &content(300 * KIB, 2), None)
        .await
        .expect("media");
    f.groups()
        .await
        .delete_group(authed(
            &alice.token,
            pb::DeleteGroupRequest {
                group_id: group.id.clone(),
            },
        ))
        .await
        .expect("deleted");
    let gone = f
        .groups()
        .await
        .get_group(authed(
            &bob.token,
            pb::GetGroupRequest {
                group_id: group.id.clone(),
            },
        ))
        .await
        .expect_err("gone");
    assert_eq!(gone.code(), Code::NotFound);
    let g = &group.id;
    for table in ["members", "member_keys", "threads", "media", "group_quotas"] {
        assert_eq!(
            f.count(&format!(
                "SELECT count(*) FROM messaging.{table} WHERE group_id = '{g}'"
            ))
            .await,
            0,
            "{table}"
        );
    }
    f.eventually("SELECT count(*) FROM messaging.media_deletions", 0)
        .await;
    assert_eq!(
        f.live_files().await,
        1,
        "only the other group's file is left"
    );
    assert_eq!(f.usage(&other).await, (300 * KIB as i64, 1));
}

#[tokio::test]
async fn the_upload_rate_holds_across_two_instances() {
    let mut config = forum::config();
    config.upload_rate = "2/1h".parse().expect("rate");
    let mut f = Forum::with_config(config).await;
    f.start_messaging().await;
    let alice = f.user("alice").await;
    let group = f.group(&alice).await;
    let thread = f.thread(&alice, &group, 1).await.expect("thread");
    let replicas = f.suite.replicas("messaging");
    let mut codes = Vec::new();
    for i in 0..3u8 {
        let bytes = content(300 * KIB, i);
        let mut messages = vec![pb::UploadMediaRequest {
            message: Some(pb::upload_media_request::Message::Media(forum::media_spec(
                &thread, &bytes, None,
            ))),
        }];
        messages.extend(bytes.chunks(256 * KIB).map(|c| pb::UploadMediaRequest {
            message: Some(pb::upload_media_request::Message::Chunk(
                bytes::Bytes::copy_from_slice(c),
            )),
        }));
        let mut client = MediaServiceClient::new(replicas[usize::from(i) % 2].channel().await);
        let outcome = client
            .upload_media(authed(&alice.token, futures::stream::iter(messages)))
            .await;
        if let Err(err) = &outcome {
            assert!(err.get_details_retry_info().is_some(), "{err:?}");
        }
        codes.push(outcome.map(|_| ()).map_err(|e| e.code()));
    }
    assert_eq!(codes, vec![Ok(()), Ok(()), Err(Code::ResourceExhausted)]);
    assert_eq!(
        f.usage(&group).await,
        (600 * KIB as i64, 2),
        "the refused upload reserved nothing"
    );
}
