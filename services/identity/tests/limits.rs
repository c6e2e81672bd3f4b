//! The exact edges of identity's limits: when a send limit frees up, how many concurrent
//! requests get through, how many guesses kill a code, when a device polls too fast and when a
//! session's last use is recorded.

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::sign_in_service_client::SignInServiceClient;
use tessera_testkit::{TestIdentity as Identity, authed, reason};
use tonic::Code;
use tonic::transport::Channel;
use tonic_types::StatusExt;

/// A loopback address other than 127.0.0.1: another client, as far as identity can tell.
async fn client_at(identity: &Identity, last: u8) -> SignInServiceClient<Channel> {
    let address = IpAddr::V4(Ipv4Addr::new(127, 0, 0, last));
    SignInServiceClient::new(identity.service.channel_from(address).await)
}

fn send(email: &str) -> pb::RequestMagicLinkRequest {
    pb::RequestMagicLinkRequest {
        email: email.into(),
    }
}

fn verify(email: &str, code: &str) -> pb::VerifyMagicLinkRequest {
    pb::VerifyMagicLinkRequest {
        email: email.into(),
        code: code.into(),
        client_description: "browser".into(),
    }
}

#[tokio::test]
async fn the_send_limit_says_exactly_when_the_oldest_send_leaves_the_hour() {
    let identity = Identity::start().await;
    for _ in 0..5 {
        identity
            .sign_in()
            .request_magic_link(send("eve@example.com"))
            .await
            .expect("within the limit");
        identity.clock.advance(chrono::Duration::minutes(1));
    }
    // Sends at 0..4 minutes; now is minute 5: the first leaves the window at minute 60.
    let limited = identity
        .sign_in()
        .request_magic_link(send("eve@example.com"))
        .await
        .expect_err("sixth send");
    assert_eq!(reason(&limited), "MAGIC_LINK_SEND_LIMIT");
    assert_eq!(
        limited.get_details_retry_info().and_then(|r| r.retry_delay),
        Some(Duration::from_secs(55 * 60))
    );
}

#[tokio::test]
async fn concurrent_sends_to_one_recipient_stop_at_the_limit() {
    let identity = Identity::start().await;
    let sends = (0..20).map(|_| {
        let mut client = identity.sign_in();
        async move { client.request_magic_link(send("rush@example.com")).await }
    });
    let results = futures::future::join_all(sends).await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 5);
    assert_eq!(identity.mail.sent_to("rush@example.com"), 5);
}

/// `guesses` wrong codes for `email`, spread over addresses from `first` on, at most 17 each
/// (under the per-address throttle).
async fn guess_wrong(identity: &Identity, email: &str, guesses: usize, first: u8) {
    let mut left = guesses;
    let mut last = first;
    while left > 0 {
        let mut stranger = client_at(identity, last).await;
        for _ in 0..left.min(17) {
            let status = stranger
                .verify_magic_link(verify(email, "wrong-code-0123456789"))
                .await
                .expect_err("wrong");
            assert_eq!(reason(&status), "INVALID_CODE");
        }
        left -= left.min(17);
        last += 1;
    }
}

#[tokio::test]
async fn fifty_wrong_guesses_from_anywhere_kill_a_code_and_forty_nine_do_not() {
    let identity = Identity::start().await;
    let mut owner = client_at(&identity, 2).await;
    for (email, guesses, first, survives) in [
        ("lives@example.com", 49, 10, true),
        ("dies@example.com", 50, 20, false),
    ] {
        owner.request_magic_link(send(email)).await.expect("send");
        let code = identity.mail.last_code(email).expect("code");
        guess_wrong(&identity, email, guesses, first).await;
        let result = owner.verify_magic_link(verify(email, &code)).await;
        match result {
            Ok(_) => assert!(survives, "{guesses} wrong guesses must kill the code"),
            Err(status) => {
                assert!(!survives, "{guesses} wrong guesses must not kill the code");
                assert_eq!(reason(&status), "INVALID_CODE");
            }
        }
    }
}

fn poll(device_code: &str) -> pb::PollDeviceAuthorizationRequest {
    pb::PollDeviceAuthorizationRequest {
        device_code: device_code.into(),
    }
}

#[tokio::test]
async fn polling_exactly_at_the_interval_is_not_too_fast() {
    let identity = Identity::start().await;
    let started = identity
        .sign_in()
        .start_device_authorization(pb::StartDeviceAuthorizationRequest::default())
        .await
        .expect("start")
        .into_inner();
    for wait in [0, 5] {
        identity.clock.advance(chrono::Duration::seconds(wait));
        let status = identity
            .sign_in()
            .poll_device_authorization(poll(&started.device_code))
            .await
            .expect_err("pending");
        assert_eq!(
            (status.code(), reason(&status).as_str()),
            (Code::FailedPrecondition, "authorization_pending"),
            "{wait} s after the last poll"
        );
    }
    identity
        .clock
        .advance(chrono::Duration::seconds(5) - chrono::Duration::microseconds(1));
    let fast = identity
        .sign_in()
        .poll_device_authorization(poll(&started.device_code))
        .await
        .expect_err("a microsecond early");
    assert_eq!(reason(&fast), "slow_down");
}

async fn last_use(identity: &Identity, token: &str) -> prost_types::Timestamp {
    identity
        .sessions()
        .list_sessions(authed(token, pb::ListSessionsRequest::default()))
        .await
        .expect("list")
        .into_inner()
        .sessions
        .into_iter()
        .find(|s| s.current)
        .and_then(|s| s.last_use_time)
        .expect("the current session")
}

#[tokio::test]
async fn a_sessions_last_use_is_recorded_once_a_minute_has_passed() {
    let identity = Identity::start().await;
    let (_, token) = identity.sign_up("lucy").await;
    let created = last_use(&identity, &token).await;
    identity.clock.advance(chrono::Duration::minutes(1));
    assert_eq!(
        last_use(&identity, &token).await,
        created,
        "not after exactly a minute"
    );
    identity.clock.advance(chrono::Duration::microseconds(1));
    let used = last_use(&identity, &token).await;
    let expected = created.seconds * 1_000_000 + i64::from(created.nanos / 1000) + 60_000_001;
    assert_eq!(
        used.seconds * 1_000_000 + i64::from(used.nanos / 1000),
        expected,
        "recorded a minute and a microsecond later"
    );
}
