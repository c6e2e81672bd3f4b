//! Retention: anti-replay claims after 24 hours, security events after the configured period;
//! expired device authorizations give up their user codes.

use std::sync::Arc;
use tessera_identity::{Identity as Domain, Options};
use tessera_kit::Db;
use tessera_kit::clock::Clock;
use tessera_kit::db::DbSettings;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_testkit::{SERVICE_TOKEN, TestIdentity as Identity, authed};

#[tokio::test]
async fn sweeping_removes_what_is_past_retention_only() {
    let identity = Identity::start().await;
    identity.sign_up("alice").await; // no security events yet: sign-up logs none
    identity
        .anti_replay()
        .claim_token(authed(
            SERVICE_TOKEN,
            pb::ClaimTokenRequest {
                token: "old-nonce-0123456789".into(),
            },
        ))
        .await
        .expect("claim");
    let _ = identity
        .sign_in()
        .sign_in_with_password(pb::SignInWithPasswordRequest {
            identifier: "alice".into(),
            password: "wrong password".into(),
            client_description: String::new(),
        })
        .await;

    let device = identity
        .sign_in()
        .start_device_authorization(pb::StartDeviceAuthorizationRequest::default())
        .await
        .expect("start")
        .into_inner();

    // A domain object on the same database, its clock 91 days ahead of the recorded rows.
    let clock = Clock::manual();
    clock.advance(chrono::Duration::days(91));
    let config = tessera_testkit::identity::setup();
    let mut settings = DbSettings::from_config(
        &identity.db.config(),
        "identity-test",
        tessera_schema::identity::SCHEMA,
    );
    settings.role = Some("tessera_identity".into());
    let domain = Domain::new(
        Db::new(&settings).expect("pool"),
        clock,
        Options {
            cost: tessera_identity::crypto::HashCost {
                memory_kib: 8192,
                iterations: 1,
            },
            secret: vec![1; 32],
            key_ring: Some(config.key_ring),
            sender: Arc::new(tessera_identity::magic_link::MemorySender::default()),
            magic_link_url: config.config.magic_link_url,
            device_verification_uri: config.config.device_verification_uri,
            security_event_retention: config.config.security_event_retention,
        },
    )
    .expect("domain");
    identity
        .anti_replay()
        .claim_token(authed(
            SERVICE_TOKEN,
            pb::ClaimTokenRequest {
                token: "new-nonce-0123456789".into(),
            },
        ))
        .await
        .expect("claim");
    identity.db.client().await.execute("UPDATE identity.used_tokens SET used_at = now() + interval '91 days' WHERE token = 'new-nonce-0123456789'", &[]).await.expect("age");

    let removed = domain.sweep().await.expect("sweep");
    assert_eq!(removed, 2, "one old claim and one old security event");
    assert_eq!(
        identity
            .count("SELECT count(*) FROM identity.used_tokens")
            .await,
        1,
        "the recent claim stays"
    );
    assert_eq!(
        identity
            .count("SELECT count(*) FROM identity.security_events")
            .await,
        0
    );
    assert_eq!(
        identity
            .count("SELECT count(*) FROM identity.device_codes WHERE status = 'pending'")
            .await,
        0,
        "the expired device authorization no longer holds its user code"
    );
    identity.clock.advance(chrono::Duration::minutes(16));
    let expired = identity
        .sign_in()
        .poll_device_authorization(pb::PollDeviceAuthorizationRequest {
            device_code: device.device_code,
        })
        .await
        .expect_err("expired");
    assert_eq!(tessera_testkit::reason(&expired), "expired_token");
    // A swept claim can be claimed again; a kept one cannot.
    identity
        .anti_replay()
        .claim_token(authed(
            SERVICE_TOKEN,
            pb::ClaimTokenRequest {
                token: "old-nonce-0123456789".into(),
            },
        ))
        .await
        .expect("reclaim");
}
