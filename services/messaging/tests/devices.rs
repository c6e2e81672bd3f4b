//! DeviceService over real gRPC: enrolment with checked signatures (Ed25519 and XEdDSA),
//! listing, updates, prekey rotation and upload, re-enrolment, removal, and bad input.

use crate::harness;

use ed25519_dalek::Signer;
use harness::xeddsa::XKey;
use harness::{Harness, ed25519_keys, prekeys_from};
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_testkit::{authed, bad_fields};
use tonic::Code;

fn mask(paths: &[&str]) -> Option<prost_types::FieldMask> {
    Some(prost_types::FieldMask {
        paths: paths.iter().map(|p| (*p).to_owned()).collect(),
    })
}

#[tokio::test]
async fn enrolment_checks_the_signed_prekey_signature() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let mut devices = h.devices().await;

    let (_, mut keys) = ed25519_keys();
    keys.signed_prekey_signature = vec![1; 64];
    let before = h.snapshot().await;
    let err = devices
        .enroll_device(authed(
            &alice.token,
            pb::EnrollDeviceRequest {
                keys: Some(keys),
                ..Default::default()
            },
        ))
        .await
        .expect_err("a bad signature");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(bad_fields(&err), ["keys.signed_prekey_signature"]);
    assert_eq!(h.snapshot().await, before, "nothing was stored");

    // A signature by another key over the same prekey is refused too.
    let (_, mut keys) = ed25519_keys();
    let (other, _) = ed25519_keys();
    keys.signed_prekey_signature = other.sign(&keys.signed_prekey).to_bytes().to_vec();
    let err = devices
        .enroll_device(authed(
            &alice.token,
            pb::EnrollDeviceRequest {
                keys: Some(keys),
                ..Default::default()
            },
        ))
        .await
        .expect_err("someone else's signature");
    assert_eq!(err.code(), Code::InvalidArgument);

    let (_, keys) = ed25519_keys();
    let device = devices
        .enroll_device(authed(
            &alice.token,
            pb::EnrollDeviceRequest {
                keys: Some(keys.clone()),
                one_time_prekeys: prekeys_from(1, 3),
                label: "  laptop ".into(),
                push_token: "push-secret-123".into(),
            },
        ))
        .await
        .expect("enrol")
        .into_inner()
        .device
        .expect("device");
    assert_eq!(device.user_id, alice.id);
    assert_eq!(device.keys, Some(keys.clone()));
    assert_eq!(device.one_time_prekey_count, 3);
    assert_eq!(device.last_prekey_id, 3);
    assert_eq!(device.label, "laptop");
    assert!(device.has_push_token);
    assert!(
        !format!("{device:?}").contains("push-secret"),
        "the push token is write-only"
    );

    // The same identity key again is a conflict, not a second device.
    let err = devices
        .enroll_device(authed(
            &alice.token,
            pb::EnrollDeviceRequest {
                keys: Some(keys),
                ..Default::default()
            },
        ))
        .await
        .expect_err("the same identity key");
    assert_eq!(err.code(), Code::AlreadyExists);
}

#[tokio::test]
async fn x25519_identity_keys_sign_with_xeddsa() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let mut devices = h.devices().await;
    for _ in 0..8 {
        // Both sign bits occur among a few keys.
        let key = XKey::generate();
        let signed_prekey: [u8; 32] = rand::random();
        let keys = pb::DeviceKeys {
            identity_key_type: pb::IdentityKeyType::X25519 as i32,
            identity_key: key.public.to_vec(),
            last_resort_prekey: vec![3; 32],
            signed_prekey: signed_prekey.to_vec(),
            signed_prekey_signature: key.sign(&signed_prekey).to_vec(),
        };
        let mut wrong = keys.clone();
        let mut flipped = key.sign(&signed_prekey);
        flipped[63] ^= 0x80;
        wrong.signed_prekey_signature = flipped.to_vec();
        let err = devices
            .enroll_device(authed(
                &alice.token,
                pb::EnrollDeviceRequest {
                    keys: Some(wrong),
                    ..Default::default()
                },
            ))
            .await
            .expect_err("the wrong sign bit");
        assert_eq!(err.code(), Code::InvalidArgument);
        let device = devices
            .enroll_device(authed(
                &alice.token,
                pb::EnrollDeviceRequest {
                    keys: Some(keys),
                    ..Default::default()
                },
            ))
            .await
            .expect("an XEdDSA signature")
            .into_inner()
            .device
            .expect("device");
        assert_eq!(
            device.keys.expect("keys").identity_key_type,
            pb::IdentityKeyType::X25519 as i32
        );
        devices
            .delete_device(authed(
                &alice.token,
                pb::DeleteDeviceRequest {
                    device_id: device.id,
                },
            ))
            .await
            .expect("delete");
    }
}

#[tokio::test]
async fn bad_input_names_every_field_and_changes_nothing() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let mut devices = h.devices().await;
    let before = h.snapshot().await;
    let err = devices
        .enroll_device(authed(
            &alice.token,
            pb::EnrollDeviceRequest {
                keys: Some(pb::DeviceKeys {
                    identity_key_type: 9,
                    ..Default::default()
                }),
                one_time_prekeys: vec![pb::Prekey {
                    id: 0,
                    key: vec![1; 31],
                }],
                label: "x".repeat(65),
                push_token: "bad token".into(),
            },
        ))
        .await
        .expect_err("bad input");
    assert_eq!(err.code(), Code::InvalidArgument);
    let mut fields = bad_fields(&err);
    fields.sort();
    assert_eq!(
        fields,
        [
            "keys.identity_key_type",
            "label",
            "one_time_prekeys[0].id",
            "one_time_prekeys[0].key",
            "push_token"
        ]
    );
    let (_, keys) = ed25519_keys();
    let err = devices
        .enroll_device(authed(
            &alice.token,
            pb::EnrollDeviceRequest {
                keys: Some(pb::DeviceKeys {
                    identity_key: vec![1; 33],
                    last_resort_prekey: Default::default(),
                    ..keys
                }),
                one_time_prekeys: prekeys_from(1, 101),
                ..Default::default()
            },
        ))
        .await
        .expect_err("bad keys");
    let mut fields = bad_fields(&err);
    fields.sort();
    assert_eq!(
        fields,
        [
            "keys.identity_key",
            "keys.last_resort_prekey",
            "one_time_prekeys"
        ]
    );
    // A wrong size is named once: the signature is not also called wrong.
    let (_, mut keys) = ed25519_keys();
    keys.signed_prekey = vec![1; 31];
    let err = devices
        .enroll_device(authed(
            &alice.token,
            pb::EnrollDeviceRequest {
                keys: Some(keys),
                ..Default::default()
            },
        ))
        .await
        .expect_err("a short signed prekey");
    assert_eq!(bad_fields(&err), ["keys.signed_prekey"]);
    assert_eq!(h.snapshot().await, before);
}

#[tokio::test]
async fn devices_are_listed_updated_rotated_and_removed_by_their_owner() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let phone = h.enroll(&alice, 2).await;
    let laptop = h.enroll(&alice, 0).await;
    let mut devices = h.devices().await;

    let listed = devices
        .list_devices(authed(
            &alice.token,
            pb::ListDevicesRequest {
                page_size: 1,
                ..Default::default()
            },
        ))
        .await
        .expect("list")
        .into_inner();
    assert_eq!(listed.devices.len(), 1);
    assert_eq!(listed.devices[0].id, phone.id);
    let rest = devices
        .list_devices(authed(
            &alice.token,
            pb::ListDevicesRequest {
                page_size: 1,
                page_token: listed.next_page_token,
            },
        ))
        .await
        .expect("page 2")
        .into_inner();
    assert_eq!(rest.devices[0].id, laptop.id);
    assert!(rest.next_page_token.is_empty());

    let updated = devices
        .update_device(authed(
            &alice.token,
            pb::UpdateDeviceRequest {
                device_id: phone.id.clone(),
                label: "phone".into(),
                push_token: "tok".into(),
                update_mask: mask(&["label", "push_token"]),
            },
        ))
        .await
        .expect("update")
        .into_inner()
        .device
        .expect("device");
    assert_eq!(updated.label, "phone");
    assert!(updated.has_push_token);
    let cleared = devices
        .update_device(authed(
            &alice.token,
            pb::UpdateDeviceRequest {
                device_id: phone.id.clone(),
                update_mask: mask(&["push_token"]),
                ..Default::default()
            },
        ))
        .await
        .expect("clear")
        .into_inner()
        .device
        .expect("device");
    assert!(!cleared.has_push_token);
    assert_eq!(cleared.label, "phone", "only the masked field changed");
    let err = devices
        .update_device(authed(
            &alice.token,
            pb::UpdateDeviceRequest {
                device_id: phone.id.clone(),
                update_mask: mask(&["identity_key"]),
                ..Default::default()
            },
        ))
        .await
        .expect_err("not updatable");
    assert_eq!(bad_fields(&err), ["update_mask"]);

    // Rotation is checked against the stored identity key.
    let signed_prekey = [9u8; 32];
    let (stranger, _) = ed25519_keys();
    let err = devices
        .rotate_signed_prekey(authed(
            &alice.token,
            pb::RotateSignedPrekeyRequest {
                device_id: phone.id.clone(),
                signed_prekey: signed_prekey.to_vec(),
                signed_prekey_signature: stranger.sign(&signed_prekey).to_bytes().to_vec(),
            },
        ))
        .await
        .expect_err("signed by another key");
    assert_eq!(bad_fields(&err), ["signed_prekey_signature"]);
    let rotated = devices
        .rotate_signed_prekey(authed(
            &alice.token,
            pb::RotateSignedPrekeyRequest {
                device_id: phone.id.clone(),
                signed_prekey: signed_prekey.to_vec(),
                signed_prekey_signature: phone.identity.sign(&signed_prekey).to_bytes().to_vec(),
            },
        ))
        .await
        .expect("rotate")
        .into_inner()
        .device
        .expect("device");
    assert_eq!(
        rotated.keys.expect("keys").signed_prekey.as_ref(),
        signed_prekey
    );

    devices
        .delete_device(authed(
            &alice.token,
            pb::DeleteDeviceRequest {
                device_id: laptop.id.clone(),
            },
        ))
        .await
        .expect("delete");
    let again = devices
        .delete_device(authed(
            &alice.token,
            pb::DeleteDeviceRequest {
                device_id: laptop.id.clone(),
            },
        ))
        .await
        .expect_err("gone");
    assert_eq!(again.code(), Code::NotFound);
    assert_eq!(h.count("SELECT count(*) FROM messaging.devices").await, 1);
    assert_eq!(
        h.count("SELECT count(*) FROM messaging.device_inboxes")
            .await,
        1
    );
}

#[tokio::test]
async fn prekey_ids_are_never_reused() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let phone = h.enroll(&alice, 3).await;
    let mut devices = h.devices().await;
    for (first, n) in [(3, 1), (1, 2), (5, 0)] {
        let err = devices
            .upload_prekeys(authed(
                &alice.token,
                pb::UploadPrekeysRequest {
                    device_id: phone.id.clone(),
                    prekeys: prekeys_from(first, n),
                },
            ))
            .await
            .expect_err("a reused id, or none");
        assert_eq!(err.code(), Code::InvalidArgument, "{first} x {n}");
    }
    let uploaded = devices
        .upload_prekeys(authed(
            &alice.token,
            pb::UploadPrekeysRequest {
                device_id: phone.id.clone(),
                prekeys: prekeys_from(10, 100),
            },
        ))
        .await
        .expect("upload")
        .into_inner();
    assert_eq!(
        (uploaded.one_time_prekey_count, uploaded.last_prekey_id),
        (103, 109)
    );
    // Claimed ids stay used: a bundle takes id 1, and 1 is still refused.
    h.bundles()
        .await
        .claim_key_bundles(authed(
            &alice.token,
            pb::ClaimKeyBundlesRequest {
                user_id: alice.id.clone(),
            },
        ))
        .await
        .expect("claim");
    let err = devices
        .upload_prekeys(authed(
            &alice.token,
            pb::UploadPrekeysRequest {
                device_id: phone.id.clone(),
                prekeys: prekeys_from(1, 1),
            },
        ))
        .await
        .expect_err("claimed ids stay used");
    assert_eq!(err.code(), Code::InvalidArgument);
    // A device holds at most 1000.
    for batch in 0..8 {
        devices
            .upload_prekeys(authed(
                &alice.token,
                pb::UploadPrekeysRequest {
                    device_id: phone.id.clone(),
                    prekeys: prekeys_from(200 + batch * 100, 100),
                },
            ))
            .await
            .expect("fill");
    }
    let full = devices
        .upload_prekeys(authed(
            &alice.token,
            pb::UploadPrekeysRequest {
                device_id: phone.id.clone(),
                prekeys: prekeys_from(5000, 100),
            },
        ))
        .await
        .expect_err("full");
    assert_eq!(full.code(), Code::FailedPrecondition);
}

#[tokio::test]
async fn reenrolment_replaces_keys_and_drops_sessions() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let phone = h.enroll(&alice, 3).await;
    let bobs = h.enroll(&bob, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    h.handshakes()
        .await
        .create_session(authed(
            &alice.token,
            pb::CreateSessionRequest {
                chat_id: chat,
                device_id: phone.id.clone(),
                peer_device_id: bobs.id.clone(),
            },
        ))
        .await
        .expect("session");
    let (_, keys) = ed25519_keys();
    let err = h
        .devices()
        .await
        .reenroll_device(authed(
            &alice.token,
            pb::ReenrollDeviceRequest {
                device_id: phone.id.clone(),
                keys: Some(keys.clone()),
                one_time_prekeys: prekeys_from(2, 1),
            },
        ))
        .await
        .expect_err("an old prekey id");
    assert_eq!(err.code(), Code::InvalidArgument);
    let device = h
        .devices()
        .await
        .reenroll_device(authed(
            &alice.token,
            pb::ReenrollDeviceRequest {
                device_id: phone.id.clone(),
                keys: Some(keys.clone()),
                one_time_prekeys: prekeys_from(4, 2),
            },
        ))
        .await
        .expect("re-enrol")
        .into_inner()
        .device
        .expect("device");
    assert_eq!(device.id, phone.id);
    assert_eq!(device.keys, Some(keys));
    assert_eq!(
        (device.one_time_prekey_count, device.last_prekey_id),
        (2, 5)
    );
    assert_eq!(h.count("SELECT count(*) FROM messaging.sessions").await, 0);
}

#[tokio::test]
async fn a_user_has_at_most_sixteen_devices_even_when_enrolling_at_once() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let mut devices = h.devices().await;
        let token = alice.token.clone();
        tasks.push(tokio::spawn(async move {
            let (_, keys) = ed25519_keys();
            devices
                .enroll_device(authed(
                    &token,
                    pb::EnrollDeviceRequest {
                        keys: Some(keys),
                        ..Default::default()
                    },
                ))
                .await
                .map(|_| ())
                .map_err(|s| s.code())
        }));
    }
    let mut refused = 0;
    for task in tasks {
        if let Err(code) = task.await.expect("task") {
            assert_eq!(code, Code::FailedPrecondition);
            refused += 1;
        }
    }
    assert_eq!(refused, 4);
    assert_eq!(h.count("SELECT count(*) FROM messaging.devices").await, 16);
}

#[tokio::test]
async fn an_identity_key_belongs_to_one_device_of_one_user() {
    let h = Harness::start().await;
    let (alice, bob, carol) = (
        h.user("alice").await,
        h.user("bob").await,
        h.user("carol").await,
    );
    let mut devices = h.devices().await;
    let (_, keys) = ed25519_keys();
    devices
        .enroll_device(authed(
            &alice.token,
            pb::EnrollDeviceRequest {
                keys: Some(keys.clone()),
                ..Default::default()
            },
        ))
        .await
        .expect("alice enrols");

    // Bob presents alice's identity key (all public material) as his own.
    let before = h.snapshot().await;
    let err = devices
        .enroll_device(authed(
            &bob.token,
            pb::EnrollDeviceRequest {
                keys: Some(keys.clone()),
                ..Default::default()
            },
        ))
        .await
        .expect_err("another user's identity key");
    assert_eq!(err.code(), Code::AlreadyExists, "{err:?}");
    assert!(
        !err.message().contains(&alice.id) && !err.message().contains("your"),
        "whose key it is stays unsaid: {err:?}"
    );
    assert_eq!(h.snapshot().await, before, "nothing was stored");

    // Nor can he move one of his devices onto it by re-enrolling.
    let (_, own) = ed25519_keys();
    let device = devices
        .enroll_device(authed(
            &bob.token,
            pb::EnrollDeviceRequest {
                keys: Some(own),
                ..Default::default()
            },
        ))
        .await
        .expect("bob enrols his own key")
        .into_inner()
        .device
        .expect("device");
    let err = devices
        .reenroll_device(authed(
            &bob.token,
            pb::ReenrollDeviceRequest {
                device_id: device.id,
                keys: Some(keys),
                ..Default::default()
            },
        ))
        .await
        .expect_err("re-enrolled onto another user's key");
    assert_eq!(err.code(), Code::AlreadyExists, "{err:?}");

    // Two users racing for one fresh key: exactly one gets it.
    let (_, fresh) = ed25519_keys();
    let race = [&bob, &carol].map(|user| {
        let (mut devices, fresh, token) = (devices.clone(), fresh.clone(), user.token.clone());
        tokio::spawn(async move {
            devices
                .enroll_device(authed(
                    &token,
                    pb::EnrollDeviceRequest {
                        keys: Some(fresh),
                        ..Default::default()
                    },
                ))
                .await
                .map(|_| ())
                .map_err(|status| status.code())
        })
    });
    let mut outcomes = Vec::new();
    for task in race {
        outcomes.push(task.await.expect("the task"));
    }
    outcomes.sort_by_key(|o| o.is_err());
    assert_eq!(outcomes, [Ok(()), Err(Code::AlreadyExists)]);
}
