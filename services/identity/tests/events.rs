//! The account lifecycle event stream: ordered, resumable by cursor, for services only.

use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::event_service_client::EventServiceClient;
use tessera_testkit::{PASSWORD, SERVICE_TOKEN, TestIdentity as Identity, authed};
use tonic::Code;

/// Reads events (skipping heartbeats) until `count` arrived.
async fn read_events(identity: &Identity, after_cursor: i64, count: usize) -> Vec<pb::Event> {
    let mut stream = EventServiceClient::new(identity.channel.clone())
        .stream_events(authed(
            SERVICE_TOKEN,
            pb::StreamEventsRequest {
                after_cursor,
                from_now: false,
            },
        ))
        .await
        .expect("stream")
        .into_inner();
    let mut events = Vec::new();
    while events.len() < count {
        let message = tokio::time::timeout(std::time::Duration::from_secs(10), stream.message())
            .await
            .expect("an event or heartbeat within 10 s")
            .expect("stream item")
            .expect("stream open");
        if let Some(pb::stream_events_response::Item::Event(event)) = message.item {
            events.push(event);
        }
    }
    events
}

#[tokio::test]
async fn events_arrive_in_order_and_resume_after_a_cursor() {
    let identity = Identity::start().await;
    let (alice, token) = identity.sign_up("alice").await;
    identity
        .sessions()
        .sign_out(authed(&token, pb::SignOutRequest {}))
        .await
        .expect("sign out");
    let (bob, bob_token) = identity.sign_up("bob").await;
    identity
        .accounts()
        .delete_account(authed(
            &bob_token,
            pb::DeleteAccountRequest {
                password: PASSWORD.into(),
            },
        ))
        .await
        .expect("delete");

    let all = read_events(&identity, 0, 3).await;
    let kinds: Vec<_> = all.iter().map(|e| (e.kind, e.user_id.clone())).collect();
    assert_eq!(
        kinds,
        [
            (pb::EventKind::SessionRevoked as i32, alice.id.clone()),
            (pb::EventKind::SessionRevoked as i32, bob.id.clone()),
            (pb::EventKind::AccountDeleted as i32, bob.id.clone()),
        ]
    );
    assert!(
        all.windows(2).all(|w| w[0].cursor < w[1].cursor),
        "cursors increase"
    );

    let resumed = read_events(&identity, all[0].cursor, 2).await;
    assert_eq!(
        resumed.iter().map(|e| e.cursor).collect::<Vec<_>>(),
        [all[1].cursor, all[2].cursor]
    );
}

#[tokio::test]
async fn the_stream_is_for_services_only() {
    let identity = Identity::start().await;
    let (_, token) = identity.sign_up("alice").await;
    let status = EventServiceClient::new(identity.channel.clone())
        .stream_events(authed(&token, pb::StreamEventsRequest::default()))
        .await
        .expect_err("user token");
    assert_eq!(status.code(), Code::PermissionDenied);
    let status = EventServiceClient::new(identity.channel.clone())
        .stream_events(authed(
            SERVICE_TOKEN,
            pb::StreamEventsRequest {
                after_cursor: -1,
                from_now: false,
            },
        ))
        .await
        .expect_err("negative cursor");
    assert_eq!(status.code(), Code::InvalidArgument);
}
