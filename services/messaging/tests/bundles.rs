//! KeyBundleService: each one-time prekey handed out once under concurrency, the last-resort
//! prekey marked, low-prekey events, and the claim limit shared by two instances.

use crate::harness;

use std::collections::BTreeSet;
use std::time::Duration;

use harness::Harness;
use tessera_kit::ratelimit::Rate;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::key_bundle_service_client::KeyBundleServiceClient;
use tessera_testkit::{authed, reason};
use tonic::Code;

#[tokio::test]
async fn twenty_claims_at_once_take_five_keys_exactly_once() {
    let h = Harness::start().await;
    let bob = h.user("bob").await;
    let device = h.enroll(&bob, 5).await;
    let mut claimers = Vec::new();
    for i in 0..20 {
        claimers.push(h.user(&format!("claimer{i}")).await);
    }
    let mut tasks = Vec::new();
    for claimer in claimers {
        let mut bundles = h.bundles().await;
        let target = bob.id.clone();
        tasks.push(tokio::spawn(async move {
            bundles
                .claim_key_bundles(authed(
                    &claimer.token,
                    pb::ClaimKeyBundlesRequest { user_id: target },
                ))
                .await
                .expect("claim")
                .into_inner()
                .bundles
        }));
    }
    let mut one_time = Vec::new();
    let mut last_resort = 0;
    for task in tasks {
        let bundles = task.await.expect("task");
        assert_eq!(bundles.len(), 1, "one bundle per device");
        let bundle = &bundles[0];
        assert_eq!(bundle.device_id, device.id);
        let prekey = bundle.prekey.clone().expect("prekey");
        if bundle.last_resort {
            assert_eq!(prekey.id, 0);
            assert_eq!(
                prekey.key,
                bundle.keys.clone().expect("keys").last_resort_prekey,
                "the last-resort prekey"
            );
            last_resort += 1;
        } else {
            one_time.push(prekey.id);
        }
    }
    let distinct: BTreeSet<u64> = one_time.iter().copied().collect();
    assert_eq!(one_time.len(), 5);
    assert_eq!(distinct, (1..=5).collect());
    assert_eq!(last_resort, 15);
    assert_eq!(
        h.count("SELECT jsonb_array_length(one_time_prekeys)::bigint FROM messaging.devices")
            .await,
        0
    );
}

#[tokio::test]
async fn a_bundle_per_device_signed_by_its_identity_key() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let phone = h.enroll(&bob, 2).await;
    let laptop = h.enroll(&bob, 0).await;
    let bundles = h
        .bundles()
        .await
        .claim_key_bundles(authed(
            &alice.token,
            pb::ClaimKeyBundlesRequest {
                user_id: bob.id.clone(),
            },
        ))
        .await
        .expect("claim")
        .into_inner()
        .bundles;
    let ids: Vec<&str> = bundles.iter().map(|b| b.device_id.as_str()).collect();
    assert_eq!(ids, [phone.id.as_str(), laptop.id.as_str()]);
    for (bundle, device) in bundles.iter().zip([&phone, &laptop]) {
        let keys = bundle.keys.clone().expect("keys");
        assert_eq!(keys.identity_key, device.identity_key());
        let signature =
            ed25519_dalek::Signature::from_slice(&keys.signed_prekey_signature).expect("sig");
        device
            .identity
            .verifying_key()
            .verify_strict(&keys.signed_prekey, &signature)
            .expect("the signed prekey verifies");
    }
    assert_eq!(
        (bundles[0].last_resort, bundles[1].last_resort),
        (false, true)
    );
    // A user with no devices (or none at all) has no bundles.
    let carol = h.user("carol").await;
    let none = h
        .bundles()
        .await
        .claim_key_bundles(authed(
            &alice.token,
            pb::ClaimKeyBundlesRequest {
                user_id: carol.id.clone(),
            },
        ))
        .await
        .expect("claim")
        .into_inner()
        .bundles;
    assert!(none.is_empty());
}

#[tokio::test]
async fn claims_are_limited_per_caller_and_target_across_instances() {
    let mut config = harness::config();
    config.bundle_rate = Rate {
        burst: 6,
        period: Duration::from_secs(600),
    };
    let mut h = Harness::with_config(config).await;
    h.add_replica().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let carol = h.user("carol").await;
    h.enroll(&bob, 20).await;
    let mut first = KeyBundleServiceClient::new(h.replica(0).await);
    let mut second = KeyBundleServiceClient::new(h.replica(1).await);
    let claim = |token: &str, user: &str| {
        authed(
            token,
            pb::ClaimKeyBundlesRequest {
                user_id: user.to_owned(),
            },
        )
    };
    // Six in all, alternating instances.
    for i in 0..6 {
        let client = if i % 2 == 0 { &mut first } else { &mut second };
        client
            .claim_key_bundles(claim(&alice.token, &bob.id))
            .await
            .expect("within the limit");
    }
    for client in [&mut first, &mut second] {
        let err = client
            .claim_key_bundles(claim(&alice.token, &bob.id))
            .await
            .expect_err("limited");
        assert_eq!(err.code(), Code::ResourceExhausted);
        assert_eq!(reason(&err), "KEY_BUNDLE_CLAIMS");
        use tonic_types::StatusExt;
        let retry = err
            .get_details_retry_info()
            .and_then(|r| r.retry_delay)
            .expect("RetryInfo");
        assert!(
            retry > Duration::from_secs(90) && retry <= Duration::from_secs(100),
            "{retry:?}"
        );
    }
    // The limit is per (caller, target): carol, and alice for herself, still may.
    first
        .claim_key_bundles(claim(&carol.token, &bob.id))
        .await
        .expect("another caller");
    second
        .claim_key_bundles(claim(&alice.token, &alice.id))
        .await
        .expect("another target");
    assert_eq!(
        h.count("SELECT jsonb_array_length(one_time_prekeys)::bigint FROM messaging.devices")
            .await,
        20 - 7,
        "refused claims took nothing"
    );
}

#[tokio::test]
async fn a_device_hears_its_prekeys_are_low_below_ten_and_not_before() {
    use harness::{Item, next};
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let bobs = h.enroll(&bob, 11).await;
    let mut stream = h.subscribe(&bobs, None).await;
    assert!(matches!(next(&mut stream).await, Ok(Item::CaughtUp(_))));
    let claim = || async {
        h.bundles()
            .await
            .claim_key_bundles(authed(
                &alice.token,
                pb::ClaimKeyBundlesRequest {
                    user_id: bob.id.clone(),
                },
            ))
            .await
            .expect("claim");
    };
    claim().await; // 10 left: not low yet
    claim().await; // 9 left: low
    let low = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            match next(&mut stream).await.expect("item") {
                Item::KeysLow(low) => return low,
                Item::Heartbeat(_) => {}
                other => panic!("{other:?}"),
            }
        }
    })
    .await
    .expect("a keys_low event within 5 s");
    assert_eq!(
        low.remaining, 9,
        "the first event comes below 10, not at 10"
    );
}
