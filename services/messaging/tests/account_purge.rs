//! Account deletion and retention: identity's ACCOUNT_DELETED removes the user's devices (with
//! their messages, sessions, handshakes), direct chats and memberships and leaves owned groups
//! ownerless; a replay changes nothing. Old messages are purged by the sweep.

use crate::harness;

use std::time::Duration;

use harness::Harness;
use tessera_proto::tessera::identity::v1 as id_pb;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_testkit::{PASSWORD, authed};

async fn eventually(h: &Harness, sql: &str, expected: i64) {
    for _ in 0..100 {
        if h.count(sql).await == expected {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(h.count(sql).await, expected, "{sql}");
}

#[tokio::test]
async fn a_deleted_account_leaves_nothing_behind_and_a_replay_changes_nothing() {
    let mut h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let carol = h.user("carol").await;
    let phone = h.enroll(&alice, 2).await;
    let bobs = h.enroll(&bob, 0).await;
    let carols = h.enroll(&carol, 0).await;
    let direct = h.direct_chat(&alice, &bob).await;
    let bob_carol = h.direct_chat(&bob, &carol).await;
    let group = h
        .chats()
        .await
        .create_group_chat(authed(
            &alice.token,
            pb::CreateGroupChatRequest {
                name: "alice's".into(),
                member_user_ids: vec![bob.id.clone(), carol.id.clone()],
            },
        ))
        .await
        .expect("group")
        .into_inner()
        .chat
        .expect("chat")
        .id;
    h.send(&phone, &direct, "a1", b"x").await.expect("send");
    h.send(&bobs, &group, "b1", b"x").await.expect("send");
    h.send(&carols, &bob_carol, "c1", b"x").await.expect("send");
    h.handshakes()
        .await
        .create_session(authed(
            &bob.token,
            pb::CreateSessionRequest {
                chat_id: group.clone(),
                device_id: bobs.id.clone(),
                peer_device_id: phone.id.clone(),
            },
        ))
        .await
        .expect("session");
    h.suite
        .identity
        .accounts()
        .delete_account(authed(
            &alice.token,
            id_pb::DeleteAccountRequest {
                password: PASSWORD.into(),
            },
        ))
        .await
        .expect("delete alice");
    let a = &alice.id;
    eventually(
        &h,
        &format!("SELECT count(*) FROM messaging.devices WHERE user_id = '{a}'"),
        0,
    )
    .await;
    let gone = [
        format!(
            "SELECT count(*) FROM messaging.messages WHERE from_user_id = '{a}' OR to_user_id = '{a}'"
        ),
        format!(
            "SELECT count(*) FROM messaging.chats WHERE user_a = '{a}' OR user_b = '{a}' OR owner_id = '{a}'"
        ),
        format!("SELECT count(*) FROM messaging.chat_members WHERE user_id = '{a}'"),
        "SELECT count(*) FROM messaging.sessions".to_owned(),
    ];
    for sql in &gone {
        assert_eq!(h.count(sql).await, 0, "{sql}");
    }
    // The group goes on without an owner; bob and carol's chat is untouched.
    let kept = h
        .chats()
        .await
        .get_chat(authed(
            &bob.token,
            pb::GetChatRequest {
                chat_id: group.clone(),
            },
        ))
        .await
        .expect("the group stays")
        .into_inner()
        .chat
        .expect("chat");
    assert_eq!((kept.owner_id.as_str(), kept.members.len()), ("", 2));
    assert_eq!(
        h.count(&format!(
            "SELECT count(*) FROM messaging.messages WHERE chat_id = '{bob_carol}'"
        ))
        .await,
        1
    );
    // A replay of the same event (the stored cursor rewound, the service restarted) finds
    // nothing to do.
    let before = h.snapshot().await;
    h.suite.stop_member("messaging").await;
    h.suite
        .db()
        .client()
        .await
        .batch_execute(
            "UPDATE messaging.consumer_cursors SET cursor = 0 WHERE consumer = 'account-purge'",
        )
        .await
        .expect("rewind");
    h.restart_stopped().await;
    eventually(&h, "SELECT (cursor > 0)::int::bigint FROM messaging.consumer_cursors WHERE consumer = 'account-purge'", 1).await;
    assert_eq!(h.snapshot().await, before);
}

#[tokio::test]
async fn messages_older_than_the_retention_are_purged() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let phone = h.enroll(&alice, 0).await;
    h.enroll(&bob, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    h.send(&phone, &chat, "old", b"x").await.expect("send");
    h.send(&phone, &chat, "new", b"x").await.expect("send");
    let client = h.suite.db().client().await;
    client
        .batch_execute(
            "UPDATE messaging.messages SET created_at = now() - interval '30 days 1 minute' \
             WHERE logical_msg_id = 'old'",
        )
        .await
        .expect("age");
    let chat_state = tessera_messaging::state::Chat {
        db: tessera_kit::Db::new(&h.suite.db().service_settings("messaging")).expect("pool"),
        notifier: tessera_kit::notify::Notifier::start(
            &h.suite.db().service_settings("messaging"),
            tokio_util::sync::CancellationToken::new(),
        ),
        config: std::sync::Arc::new(harness::config()),
        identity: None,
        shutdown: tokio_util::sync::CancellationToken::new(),
        clock: tessera_kit::clock::Clock::System,
        vault: tessera_messaging::forum::vault::Vault::none(),
        // The sweep sends nothing: a queue no writer reads.
        sends: tessera_messaging::messages::batch::Sends::new(
            1,
            &tessera_kit::metrics::Metrics::new("test", None).expect("metrics"),
        )
        .0,
    };
    let swept = tessera_messaging::sweeper::sweep(&chat_state)
        .await
        .expect("sweep");
    assert_eq!(swept.messages, 1);
    assert_eq!(
        h.count("SELECT count(*) FROM messaging.messages WHERE logical_msg_id = 'old'")
            .await,
        0
    );
    assert_eq!(
        h.count("SELECT count(*) FROM messaging.messages WHERE logical_msg_id = 'new'")
            .await,
        1
    );
    assert_eq!(
        h.count("SELECT count(*) FROM messaging.chats WHERE last_message_id IS NOT NULL")
            .await,
        1
    );
}
