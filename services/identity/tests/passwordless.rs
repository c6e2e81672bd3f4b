//! Magic links and the RFC 8628 device flow, end to end over gRPC.

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::sign_in_service_client::SignInServiceClient;
use tessera_testkit::{TestIdentity as Identity, authed, reason};
use tonic::Code;
use tonic::transport::Channel;
use tonic_types::StatusExt;

fn verify(email: &str, code: &str) -> pb::VerifyMagicLinkRequest {
    pb::VerifyMagicLinkRequest {
        email: email.into(),
        code: code.into(),
        client_description: "browser".into(),
    }
}

async fn request_code(identity: &Identity, email: &str) -> String {
    identity
        .sign_in()
        .request_magic_link(pb::RequestMagicLinkRequest {
            email: email.into(),
        })
        .await
        .expect("request");
    identity
        .mail
        .last_code(&email.to_lowercase())
        .expect("a code was sent")
}

#[tokio::test]
async fn a_magic_link_creates_the_account_once_and_works_once() {
    let identity = Identity::start().await;
    let code = request_code(&identity, "Grace@Example.com").await;
    assert!(code.len() >= 22, "at least 128 bits: {code}");
    let stored: i64 = identity
        .count("SELECT count(*) FROM identity.auth_codes WHERE code_hash IS NOT NULL")
        .await;
    assert_eq!(stored, 1);

    let first = identity
        .sign_in()
        .verify_magic_link(verify("grace@example.com", &code))
        .await
        .expect("verify")
        .into_inner();
    assert!(first.created);
    assert!(!first.user.as_ref().expect("user").has_password);
    let again = identity
        .sign_in()
        .verify_magic_link(verify("grace@example.com", &code))
        .await
        .expect_err("single use");
    assert_eq!(
        (again.code(), reason(&again).as_str()),
        (Code::Unauthenticated, "INVALID_CODE")
    );

    let second = identity
        .sign_in()
        .verify_magic_link(verify(
            "grace@example.com",
            &request_code(&identity, "grace@example.com").await,
        ))
        .await
        .expect("second sign in")
        .into_inner();
    assert!(!second.created);
    assert_eq!(second.user.expect("user").id, first.user.expect("user").id);
}

#[tokio::test]
async fn concurrent_verifications_of_one_code_yield_one_session() {
    let identity = Identity::start().await;
    let code = request_code(&identity, "race@example.com").await;
    let attempts = (0..20).map(|_| {
        let mut client = identity.sign_in();
        let request = verify("race@example.com", &code);
        async move { client.verify_magic_link(request).await }
    });
    let results = futures::future::join_all(attempts).await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
    assert_eq!(
        identity
            .count("SELECT count(*) FROM identity.sessions")
            .await,
        1
    );
    assert_eq!(
        identity.count("SELECT count(*) FROM identity.users").await,
        1
    );
}

#[tokio::test]
async fn codes_expire_die_after_five_wrong_attempts_and_sends_are_limited() {
    let identity = Identity::start().await;
    let code = request_code(&identity, "ivy@example.com").await;
    for _ in 0..5 {
        let status = identity
            .sign_in()
            .verify_magic_link(verify("ivy@example.com", "wrong-code-0123456789"))
            .await
            .expect_err("wrong");
        assert_eq!(status.code(), Code::Unauthenticated);
    }
    let dead = identity
        .sign_in()
        .verify_magic_link(verify("ivy@example.com", &code))
        .await
        .expect_err("dead after 5");
    assert_eq!(reason(&dead), "INVALID_CODE");

    let code = request_code(&identity, "ivy@example.com").await;
    identity
        .clock
        .advance(chrono::Duration::minutes(15) + chrono::Duration::seconds(1));
    identity
        .sign_in()
        .verify_magic_link(verify("ivy@example.com", &code))
        .await
        .expect_err("expired");

    for _ in 0..3 {
        request_code(&identity, "ivy@example.com").await;
    }
    let limited = identity
        .sign_in()
        .request_magic_link(pb::RequestMagicLinkRequest {
            email: "ivy@example.com".into(),
        })
        .await
        .expect_err("sixth send within the hour");
    assert_eq!(limited.code(), Code::ResourceExhausted);
    assert!(limited.get_details_retry_info().is_some());
    assert_eq!(reason(&limited), "MAGIC_LINK_SEND_LIMIT");
    assert!(
        limited.message().contains("magic links"),
        "{}",
        limited.message()
    );
    identity.clock.advance(chrono::Duration::hours(1));
    request_code(&identity, "ivy@example.com").await;
}

/// A loopback address other than 127.0.0.1: another client, as far as identity can tell.
fn address(last: u8) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(127, 0, 0, last))
}

async fn client_at(identity: &Identity, last: u8) -> SignInServiceClient<Channel> {
    SignInServiceClient::new(identity.service.channel_from(address(last)).await)
}

#[tokio::test]
async fn wrong_codes_are_throttled_per_client_address_whatever_the_email() {
    let identity = Identity::start().await;
    let mut guesser = client_at(&identity, 2).await;
    let mut refused = None;
    for i in 0..25 {
        let status = guesser
            .verify_magic_link(verify(
                &format!("target{i}@example.com"),
                "wrong-code-0123456789",
            ))
            .await
            .expect_err("no such code");
        if status.code() == Code::ResourceExhausted {
            refused = Some((i, status));
            break;
        }
        assert_eq!(reason(&status), "INVALID_CODE");
    }
    let (after, status) = refused.expect("25 wrong codes in a row from one address are throttled");
    assert_eq!(after, 20, "the 21st guess from the address is refused");
    assert_eq!(reason(&status), "TOO_MANY_FAILURES");
    assert!(status.get_details_retry_info().is_some());
    // Another address is not affected.
    let other = client_at(&identity, 3)
        .await
        .verify_magic_link(verify("target0@example.com", "wrong-code-0123456789"))
        .await
        .expect_err("wrong");
    assert_eq!(reason(&other), "INVALID_CODE");
}

#[tokio::test]
async fn an_attacker_cannot_keep_a_magic_link_user_out() {
    let identity = Identity::start().await;
    let victim = "victim@example.com";
    let request = || pb::RequestMagicLinkRequest {
        email: victim.into(),
    };

    // The attacker spends every send its address gets for the victim...
    let mut attacker = client_at(&identity, 2).await;
    let mut sent = 0;
    loop {
        match attacker.request_magic_link(request()).await {
            Ok(_) => sent += 1,
            Err(status) => {
                assert_eq!(reason(&status), "MAGIC_LINK_SEND_LIMIT");
                assert!(status.get_details_retry_info().is_some());
                break;
            }
        }
        assert!(sent <= 5, "sends per recipient and address are limited");
    }
    // ...and guesses wrong until its address is throttled.
    for _ in 0..25 {
        if let Err(status) = attacker
            .verify_magic_link(verify(victim, "wrong-code-0123456789"))
            .await
            && status.code() == Code::ResourceExhausted
        {
            break;
        }
    }

    // Within the same hour, the victim, elsewhere, asks for a link and signs in with it.
    let mut own = client_at(&identity, 3).await;
    own.request_magic_link(request())
        .await
        .expect("the victim's own request goes through");
    let code = identity
        .mail
        .last_code(victim)
        .expect("a code for the victim");
    own.verify_magic_link(verify(victim, &code))
        .await
        .expect("the victim signs in");

    // However many addresses ask, the recipient gets at most the documented ceiling per hour.
    for last in 4..20 {
        let mut client = client_at(&identity, last).await;
        for _ in 0..5 {
            let _ = client.request_magic_link(request()).await;
        }
    }
    assert_eq!(
        identity.mail.sent_to(victim),
        20,
        "at most 20 mails per recipient per hour"
    );
    let over = client_at(&identity, 30)
        .await
        .request_magic_link(request())
        .await
        .expect_err("the ceiling");
    assert_eq!(reason(&over), "MAGIC_LINK_SEND_LIMIT");
    identity.clock.advance(chrono::Duration::hours(1));
    client_at(&identity, 30)
        .await
        .request_magic_link(request())
        .await
        .expect("the ceiling is per hour");
}

#[tokio::test]
async fn a_code_dies_after_wrong_guesses_from_its_requester_only() {
    let identity = Identity::start().await;
    let email = "kim@example.com";
    let mut owner = client_at(&identity, 2).await;
    owner
        .request_magic_link(pb::RequestMagicLinkRequest {
            email: email.into(),
        })
        .await
        .expect("request");
    let code = identity.mail.last_code(email).expect("code");
    // Ten wrong guesses from elsewhere do not kill it...
    let mut stranger = client_at(&identity, 3).await;
    for _ in 0..10 {
        let _ = stranger
            .verify_magic_link(verify(email, "wrong-code-0123456789"))
            .await;
    }
    owner
        .verify_magic_link(verify(email, &code))
        .await
        .expect("still alive after strangers' guesses");

    // ...five from the requester do.
    owner
        .request_magic_link(pb::RequestMagicLinkRequest {
            email: email.into(),
        })
        .await
        .expect("request");
    let code = identity.mail.last_code(email).expect("code");
    for _ in 0..5 {
        let _ = owner
            .verify_magic_link(verify(email, "wrong-code-0123456789"))
            .await;
    }
    let dead = owner
        .verify_magic_link(verify(email, &code))
        .await
        .expect_err("dead after its requester's five wrong guesses");
    assert_eq!(reason(&dead), "INVALID_CODE");
}

fn poll(device_code: &str) -> pb::PollDeviceAuthorizationRequest {
    pb::PollDeviceAuthorizationRequest {
        device_code: device_code.into(),
    }
}

#[tokio::test]
async fn device_flow_follows_rfc_8628() {
    let identity = Identity::start().await;
    let (_, token) = identity.sign_up("judy").await;
    let started = identity
        .sign_in()
        .start_device_authorization(pb::StartDeviceAuthorizationRequest {
            client_description: "tessera-cli".into(),
        })
        .await
        .expect("start")
        .into_inner();
    assert!(started.device_code.starts_with("tdev_"));
    assert_eq!(started.user_code.len(), 9);
    assert_eq!(started.interval.as_ref().map(|d| d.seconds), Some(5));
    assert!(
        started
            .verification_uri_complete
            .ends_with(&started.user_code)
    );

    let pending = identity
        .sign_in()
        .poll_device_authorization(poll(&started.device_code))
        .await
        .expect_err("pending");
    assert_eq!(
        (pending.code(), reason(&pending).as_str()),
        (Code::FailedPrecondition, "authorization_pending")
    );
    let fast = identity
        .sign_in()
        .poll_device_authorization(poll(&started.device_code))
        .await
        .expect_err("too fast");
    assert_eq!(
        (fast.code(), reason(&fast).as_str()),
        (Code::ResourceExhausted, "slow_down")
    );
    assert_eq!(
        fast.get_details_retry_info().and_then(|r| r.retry_delay),
        Some(Duration::from_secs(10))
    );

    let typed = started.user_code.to_lowercase().replace('-', " ");
    let approved = identity
        .sign_in()
        .approve_device_authorization(authed(
            &token,
            pb::ApproveDeviceAuthorizationRequest {
                user_code: typed,
                approve: true,
            },
        ))
        .await
        .expect("approve")
        .into_inner();
    assert_eq!(approved.client_description, "tessera-cli");

    identity.clock.advance(chrono::Duration::seconds(11));
    let session = identity
        .sign_in()
        .poll_device_authorization(poll(&started.device_code))
        .await
        .expect("session")
        .into_inner();
    let device_token = session.session.expect("session").token;
    identity
        .accounts()
        .get_account(authed(&device_token, pb::GetAccountRequest {}))
        .await
        .expect("device session works");
    identity.clock.advance(chrono::Duration::seconds(11));
    let used = identity
        .sign_in()
        .poll_device_authorization(poll(&started.device_code))
        .await
        .expect_err("issued once");
    assert_eq!(reason(&used), "expired_token");
}

#[tokio::test]
async fn concurrent_polls_issue_one_session_and_denial_and_expiry_are_reported() {
    let identity = Identity::start().await;
    let (_, token) = identity.sign_up("ken").await;
    let start = || async {
        identity
            .sign_in()
            .start_device_authorization(pb::StartDeviceAuthorizationRequest::default())
            .await
            .expect("start")
            .into_inner()
    };
    let approved = start().await;
    identity
        .sign_in()
        .approve_device_authorization(authed(
            &token,
            pb::ApproveDeviceAuthorizationRequest {
                user_code: approved.user_code.clone(),
                approve: true,
            },
        ))
        .await
        .expect("approve");
    let polls = (0..20).map(|_| {
        let mut client = identity.sign_in();
        let request = poll(&approved.device_code);
        async move { client.poll_device_authorization(request).await }
    });
    let results = futures::future::join_all(polls).await;
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        1,
        "the session is issued exactly once"
    );
    assert_eq!(
        identity
            .count("SELECT count(*) FROM identity.sessions")
            .await,
        2
    );

    let denied = start().await;
    identity
        .sign_in()
        .approve_device_authorization(authed(
            &token,
            pb::ApproveDeviceAuthorizationRequest {
                user_code: denied.user_code,
                approve: false,
            },
        ))
        .await
        .expect("deny");
    let status = identity
        .sign_in()
        .poll_device_authorization(poll(&denied.device_code))
        .await
        .expect_err("denied");
    assert_eq!(
        (status.code(), reason(&status).as_str()),
        (Code::PermissionDenied, "access_denied")
    );

    let expired = start().await;
    identity.clock.advance(chrono::Duration::minutes(16));
    let status = identity
        .sign_in()
        .poll_device_authorization(poll(&expired.device_code))
        .await
        .expect_err("expired");
    assert_eq!(reason(&status), "expired_token");
    let status = identity
        .sign_in()
        .poll_device_authorization(poll("tdev_not-a-real-code"))
        .await
        .expect_err("unknown");
    assert_eq!(status.code(), Code::NotFound);
}

#[tokio::test]
async fn guessing_user_codes_is_throttled_and_needs_a_session() {
    let identity = Identity::start().await;
    let (_, token) = identity.sign_up("leo").await;
    let anonymous = identity
        .sign_in()
        .approve_device_authorization(pb::ApproveDeviceAuthorizationRequest {
            user_code: "CDFG-3456".into(),
            approve: true,
        })
        .await
        .expect_err("anonymous");
    assert_eq!(anonymous.code(), Code::Unauthenticated);
    for _ in 0..5 {
        let status = identity
            .sign_in()
            .approve_device_authorization(authed(
                &token,
                pb::ApproveDeviceAuthorizationRequest {
                    user_code: "CDFG-3456".into(),
                    approve: true,
                },
            ))
            .await
            .expect_err("no such code");
        assert_eq!(status.code(), Code::NotFound);
    }
    let throttled = identity
        .sign_in()
        .approve_device_authorization(authed(
            &token,
            pb::ApproveDeviceAuthorizationRequest {
                user_code: "CDFG-3457".into(),
                approve: true,
            },
        ))
        .await
        .expect_err("throttled");
    assert_eq!(throttled.code(), Code::ResourceExhausted);
    let malformed = identity
        .sign_in()
        .approve_device_authorization(authed(
            &token,
            pb::ApproveDeviceAuthorizationRequest {
                user_code: "nope".into(),
                approve: true,
            },
        ))
        .await
        .expect_err("malformed");
    assert_eq!(malformed.code(), Code::InvalidArgument);
}
