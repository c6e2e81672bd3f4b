//! The security log a user can review.

use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::security_event_service_client::SecurityEventServiceClient;
use tessera_testkit::{PASSWORD, TestIdentity as Identity, authed};

#[tokio::test]
async fn sign_ins_failures_lockouts_and_revocations_are_logged_for_their_owner_only() {
    let identity = Identity::start().await;
    let (_, token) = identity.sign_up("alice").await;
    let (_, bob) = identity.sign_up("bob").await;
    for _ in 0..5 {
        let _ = identity
            .sign_in()
            .sign_in_with_password(pb::SignInWithPasswordRequest {
                identifier: "alice".into(),
                password: "wrong password".into(),
                client_description: String::new(),
            })
            .await;
    }
    identity.clock.advance(chrono::Duration::seconds(31));
    identity
        .sign_in()
        .sign_in_with_password(pb::SignInWithPasswordRequest {
            identifier: "alice".into(),
            password: PASSWORD.into(),
            client_description: String::new(),
        })
        .await
        .expect("sign in after the lockout");
    identity
        .sessions()
        .revoke_other_sessions(authed(&token, pb::RevokeOtherSessionsRequest {}))
        .await
        .expect("revoke");

    let mut client = SecurityEventServiceClient::new(identity.channel.clone());
    let mut kinds = Vec::new();
    let mut page_token = String::new();
    loop {
        let page = client
            .list_security_events(authed(
                &token,
                pb::ListSecurityEventsRequest {
                    page_size: 3,
                    page_token,
                },
            ))
            .await
            .expect("list")
            .into_inner();
        kinds.extend(page.security_events.into_iter().map(|e| e.kind));
        if page.next_page_token.is_empty() {
            break;
        }
        page_token = page.next_page_token;
    }
    assert_eq!(
        kinds.first().map(String::as_str),
        Some("session_revoked"),
        "newest first: {kinds:?}"
    );
    assert_eq!(
        kinds.iter().filter(|k| *k == "sign_in_failed").count(),
        5,
        "{kinds:?}"
    );
    assert_eq!(
        kinds.iter().filter(|k| *k == "lockout").count(),
        1,
        "{kinds:?}"
    );
    assert_eq!(
        kinds.iter().filter(|k| *k == "sign_in").count(),
        1,
        "{kinds:?}"
    );

    let bobs = client
        .list_security_events(authed(&bob, pb::ListSecurityEventsRequest::default()))
        .await
        .expect("list")
        .into_inner();
    assert!(
        bobs.security_events.is_empty(),
        "bob sees nothing of alice's log"
    );
}
