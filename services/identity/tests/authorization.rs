//! Every RPC that touches an account's data, called with another user's token, changes and
//! reveals nothing of the victim's.

use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::api_key_service_client::ApiKeyServiceClient;
use tessera_proto::tessera::identity::v1::security_event_service_client::SecurityEventServiceClient;
use tessera_testkit::{TestIdentity as Identity, authed};

async fn snapshot(identity: &Identity, victim_id: &str) -> (i64, i64, i64, String) {
    let client = identity.db.client().await;
    let one = |sql: &'static str| {
        let client = &client;
        async move {
            client
                .query_one(sql, &[&victim_id])
                .await
                .expect("query")
                .get::<_, i64>(0)
        }
    };
    let sessions = one("SELECT count(*) FROM identity.sessions WHERE user_id = $1::text::uuid AND revoked_at IS NULL").await;
    let keys =
        one("SELECT count(*) FROM identity.user_api_keys WHERE user_id = $1::text::uuid").await;
    let events =
        one("SELECT count(*) FROM identity.security_events WHERE user_id = $1::text::uuid").await;
    let profile: String = client
        .query_one("SELECT row(email, username, display_name, picture_url, public_key)::text FROM identity.users WHERE id = $1::text::uuid", &[&victim_id])
        .await
        .expect("profile")
        .get(0);
    (sessions, keys, events, profile)
}

#[tokio::test]
async fn another_users_token_reaches_only_its_own_account() {
    let identity = Identity::start().await;
    let (alice, alice_token) = identity.sign_up("alice").await;
    let (mallory, token) = identity.sign_up("mallory").await;
    ApiKeyServiceClient::new(identity.channel.clone())
        .set_api_key(authed(
            &alice_token,
            pb::SetApiKeyRequest {
                provider: "openai".into(),
                key_name: "OPENAI_API_KEY".into(),
                value: "sk-alice-secret-0123456789".into(),
            },
        ))
        .await
        .expect("alice's key");
    let alice_sessions = identity
        .sessions()
        .list_sessions(authed(&alice_token, pb::ListSessionsRequest::default()))
        .await
        .expect("list")
        .into_inner();
    let alice_session = alice_sessions.sessions[0].id.clone();
    let before = snapshot(&identity, &alice.id).await;

    // Mallory aims every account-scoped RPC at Alice.
    let me = identity
        .accounts()
        .get_account(authed(&token, pb::GetAccountRequest {}))
        .await
        .expect("get")
        .into_inner();
    assert_eq!(
        me.user.expect("user").id,
        mallory.id,
        "GetAccount answers for the caller only"
    );
    identity
        .accounts()
        .update_account(authed(
            &token,
            pb::UpdateAccountRequest {
                user: Some(pb::User {
                    id: alice.id.clone(),
                    display_name: "pwned".into(),
                    ..Default::default()
                }),
                update_mask: Some(prost_types::FieldMask {
                    paths: vec!["display_name".into()],
                }),
            },
        ))
        .await
        .expect("updates mallory's own account");
    let profile = identity
        .accounts()
        .lookup_user(authed(
            &token,
            pb::LookupUserRequest {
                key: Some(pb::lookup_user_request::Key::Id(alice.id.clone())),
            },
        ))
        .await
        .expect("lookup")
        .into_inner()
        .profile
        .expect("profile");
    assert!(
        !format!("{profile:?}").contains("alice@example.com"),
        "a public profile has no email"
    );
    identity
        .sessions()
        .revoke_session(authed(
            &token,
            pb::RevokeSessionRequest {
                session_id: alice_session,
            },
        ))
        .await
        .expect("no-op");
    let listed = identity
        .sessions()
        .list_sessions(authed(&token, pb::ListSessionsRequest::default()))
        .await
        .expect("list")
        .into_inner();
    assert!(
        listed.sessions.iter().all(|s| s.current),
        "mallory lists only her own session"
    );
    let keys = ApiKeyServiceClient::new(identity.channel.clone())
        .list_api_keys(authed(&token, pb::ListApiKeysRequest {}))
        .await
        .expect("list");
    assert!(keys.into_inner().api_keys.is_empty());
    ApiKeyServiceClient::new(identity.channel.clone())
        .delete_api_key(authed(
            &token,
            pb::DeleteApiKeyRequest {
                provider: "openai".into(),
            },
        ))
        .await
        .expect("deletes nothing of alice's");
    let log = SecurityEventServiceClient::new(identity.channel.clone())
        .list_security_events(authed(&token, pb::ListSecurityEventsRequest::default()))
        .await
        .expect("log")
        .into_inner();
    assert!(
        log.security_events.iter().all(|e| e.kind != "api_key_set"),
        "mallory sees none of alice's events"
    );
    identity
        .sessions()
        .revoke_other_sessions(authed(&token, pb::RevokeOtherSessionsRequest {}))
        .await
        .expect("own");
    identity
        .sessions()
        .revoke_all_sessions(authed(&token, pb::RevokeAllSessionsRequest {}))
        .await
        .expect("own");

    assert_eq!(
        snapshot(&identity, &alice.id).await,
        before,
        "nothing of alice's changed"
    );
    identity
        .accounts()
        .get_account(authed(&alice_token, pb::GetAccountRequest {}))
        .await
        .expect("alice is still signed in");
}
