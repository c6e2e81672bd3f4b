//! Revocations and deletions reach other services' auth layers within the 2-second bound.

use std::time::Duration;

use tessera_kit::auth::{Authenticator, CACHE_TTL};
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::testing::v1::WhoAmIRequest;
use tessera_proto::tessera::testing::v1::echo_service_client::EchoServiceClient;
use tessera_testkit::observe::{eventually, rpc_calls};
use tessera_testkit::{PASSWORD, SERVICE_TOKEN, TestIdentity as Identity, authed, reason};
use tessera_testkit::{TestSuite, echo};
use tokio_util::sync::CancellationToken;
use tonic::Code;

/// The bound the suite promises.
const REVOCATION_BOUND: Duration = Duration::from_secs(2);

async fn warm(auth: &Authenticator, token: &str) -> tessera_kit::auth::UserCaller {
    // Wait until the event stream is alive and the principal is served from the cache.
    for _ in 0..100 {
        let principal = auth.authenticate(token).await.expect("valid token");
        if auth.cached_principals() > 0 {
            return principal;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the cache never warmed: is the event stream flowing?");
}

#[tokio::test]
async fn a_revoked_session_fails_in_another_service_within_two_seconds() {
    assert!(
        CACHE_TTL > REVOCATION_BOUND * 10,
        "the TTL alone would not meet the bound"
    );
    let identity = Identity::start().await;
    let shutdown = CancellationToken::new();
    let auth = Authenticator::connect(&identity.service.uri(), SERVICE_TOKEN, shutdown.clone())
        .expect("authenticator");
    let (alice, token) = identity.sign_up("alice").await;
    let (_, other) = identity.sign_up("bob").await;

    let principal = warm(&auth, &token).await;
    assert_eq!(principal.user_id.to_string(), alice.id);
    warm(&auth, &other).await;

    identity
        .sessions()
        .sign_out(authed(&token, pb::SignOutRequest {}))
        .await
        .expect("sign out");
    // The wait is what is tested: the bound itself.
    tokio::time::sleep(REVOCATION_BOUND).await;
    let refused = auth.authenticate(&token).await.expect_err("revoked");
    assert_eq!(
        (refused.code(), reason(&refused).as_str()),
        (Code::Unauthenticated, "SESSION_INVALID")
    );
    auth.authenticate(&other)
        .await
        .expect("other sessions are unaffected");
    shutdown.cancel();
}

#[tokio::test]
async fn a_deleted_account_fails_in_another_service_within_two_seconds() {
    let suite = TestSuite::new()
        .with(echo::SPEC, echo::services)
        .start()
        .await;
    let identity = &suite.identity;
    let mut client = EchoServiceClient::new(suite.channel("echo").await);

    let (alice, token) = identity.sign_up("alice").await;
    let me = client
        .who_am_i(authed(&token, WhoAmIRequest {}))
        .await
        .expect("who am i")
        .into_inner();
    assert_eq!(me.user_id, alice.id);
    let anonymous = client
        .who_am_i(WhoAmIRequest {})
        .await
        .expect_err("anonymous");
    assert_eq!(anonymous.code(), Code::Unauthenticated);
    // Warm the other service's cache while its event stream comes up: warm once a call is
    // answered without asking identity (its introspection count stays put).
    let introspections = identity.service.metrics_addr();
    eventually(
        "the echo service's cache warms",
        Duration::from_secs(10),
        || async {
            let before = rpc_calls(introspections, "IntrospectToken").await;
            client
                .clone()
                .who_am_i(authed(&token, WhoAmIRequest {}))
                .await
                .expect("who am i");
            rpc_calls(introspections, "IntrospectToken").await == before
        },
    )
    .await;

    identity
        .accounts()
        .delete_account(authed(
            &token,
            pb::DeleteAccountRequest {
                password: PASSWORD.into(),
            },
        ))
        .await
        .expect("delete");
    // The wait is what is tested: the bound itself.
    tokio::time::sleep(REVOCATION_BOUND).await;
    let refused = client
        .who_am_i(authed(&token, WhoAmIRequest {}))
        .await
        .expect_err("deleted");
    assert_eq!(refused.code(), Code::Unauthenticated);
}

#[tokio::test]
async fn without_the_event_stream_the_cache_is_not_trusted() {
    let identity = Identity::start().await;
    let shutdown = CancellationToken::new();
    // A credential identity does not know: introspection and the stream are both refused.
    let auth = Authenticator::connect(
        &identity.service.uri(),
        "tsvc_unknown_service_token",
        shutdown.clone(),
    )
    .expect("authenticator");
    let (_, token) = identity.sign_up("alice").await;
    let status = auth
        .authenticate(&token)
        .await
        .expect_err("refused credential");
    assert_eq!(status.code(), Code::Unavailable, "{status:?}");
    assert_eq!(auth.cached_principals(), 0);
    shutdown.cancel();
}
