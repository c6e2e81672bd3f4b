//! HandshakeService: handshakes relayed to the recipient device's owner only, states that
//! only advance, and sessions between an own device and another member's.

use crate::harness;

use harness::Harness;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_testkit::{authed, bad_fields};
use tonic::Code;

#[tokio::test]
async fn a_handshake_goes_to_its_recipient_and_only_advances() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let phone = h.enroll(&alice, 0).await;
    let bobs = h.enroll(&bob, 0).await;
    let mut handshakes = h.handshakes().await;
    let sent = handshakes
        .initiate_handshake(authed(
            &alice.token,
            pb::InitiateHandshakeRequest {
                sender_device_id: phone.id.clone(),
                recipient_device_id: bobs.id.clone(),
                ephemeral_key: vec![5; 32],
                prekey_used: vec![6; 32],
                ciphertext: b"x3dh".to_vec(),
            },
        ))
        .await
        .expect("initiate")
        .into_inner()
        .handshake
        .expect("handshake");
    assert_eq!(sent.state, pb::HandshakeState::Initiated as i32);
    assert_eq!(
        sent.sender_identity_key,
        phone.identity_key(),
        "IK_A comes from the device row"
    );

    // Only bob lists and moves it.
    let listed = handshakes
        .list_handshakes(authed(
            &bob.token,
            pb::ListHandshakesRequest {
                device_id: bobs.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect("list")
        .into_inner()
        .handshakes;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0], sent);
    let err = handshakes
        .list_handshakes(authed(
            &alice.token,
            pb::ListHandshakesRequest {
                device_id: bobs.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect_err("not alice's device");
    assert_eq!(err.code(), Code::NotFound);
    let respond = |token: &str| {
        authed(
            token,
            pb::RespondHandshakeRequest {
                handshake_id: sent.id.clone(),
            },
        )
    };
    let complete = |token: &str| {
        authed(
            token,
            pb::CompleteHandshakeRequest {
                handshake_id: sent.id.clone(),
            },
        )
    };
    assert_eq!(
        handshakes
            .respond_handshake(respond(&alice.token))
            .await
            .expect_err("the sender")
            .code(),
        Code::NotFound
    );
    assert_eq!(
        handshakes
            .complete_handshake(complete(&bob.token))
            .await
            .expect_err("not yet responded")
            .code(),
        Code::FailedPrecondition
    );
    let responded = handshakes
        .respond_handshake(respond(&bob.token))
        .await
        .expect("respond")
        .into_inner()
        .handshake
        .expect("h");
    assert_eq!(responded.state, pb::HandshakeState::Responded as i32);
    assert_eq!(
        handshakes
            .respond_handshake(respond(&bob.token))
            .await
            .expect_err("again")
            .code(),
        Code::FailedPrecondition
    );
    let completed = handshakes
        .complete_handshake(complete(&bob.token))
        .await
        .expect("complete")
        .into_inner()
        .handshake
        .expect("h");
    assert_eq!(completed.state, pb::HandshakeState::Completed as i32);
    assert_eq!(
        handshakes
            .complete_handshake(complete(&bob.token))
            .await
            .expect_err("again")
            .code(),
        Code::FailedPrecondition
    );

    // Initiating from someone else's device, or to no device, is refused.
    let err = handshakes
        .initiate_handshake(authed(
            &bob.token,
            pb::InitiateHandshakeRequest {
                sender_device_id: phone.id.clone(),
                recipient_device_id: bobs.id.clone(),
                ephemeral_key: vec![5; 32],
                prekey_used: vec![6; 32],
                ciphertext: b"x".to_vec(),
            },
        ))
        .await
        .expect_err("alice's device");
    assert_eq!(err.code(), Code::NotFound);
    let err = handshakes
        .initiate_handshake(authed(
            &bob.token,
            pb::InitiateHandshakeRequest {
                sender_device_id: bobs.id.clone(),
                recipient_device_id: "x".into(),
                ephemeral_key: vec![5; 31],
                prekey_used: vec![],
                ciphertext: vec![],
            },
        ))
        .await
        .expect_err("bad input");
    let mut fields = bad_fields(&err);
    fields.sort();
    assert_eq!(
        fields,
        [
            "ciphertext",
            "ephemeral_key",
            "prekey_used",
            "recipient_device_id"
        ]
    );
    assert_eq!(
        h.count("SELECT count(*) FROM messaging.pending_sessions")
            .await,
        1
    );
}

#[tokio::test]
async fn sessions_link_an_own_device_to_another_members() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let carol = h.user("carol").await;
    let phone = h.enroll(&alice, 0).await;
    let laptop = h.enroll(&alice, 0).await;
    let bobs = h.enroll(&bob, 0).await;
    let carols = h.enroll(&carol, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    let mut handshakes = h.handshakes().await;
    let create = |token: &str, device: &str, peer: &str| {
        authed(
            token,
            pb::CreateSessionRequest {
                chat_id: chat.clone(),
                device_id: device.into(),
                peer_device_id: peer.into(),
            },
        )
    };
    let first = handshakes
        .create_session(create(&alice.token, &phone.id, &bobs.id))
        .await
        .expect("session")
        .into_inner();
    assert!(first.created);
    let again = handshakes
        .create_session(create(&alice.token, &phone.id, &bobs.id))
        .await
        .expect("again")
        .into_inner();
    assert!(!again.created);
    assert_eq!(first.session.expect("s").id, again.session.expect("s").id);
    for (token, device, peer, why) in [
        (&alice.token, &phone.id, &carols.id, "a non-member's device"),
        (&alice.token, &phone.id, &laptop.id, "an own device"),
        (&alice.token, &bobs.id, &phone.id, "bob's device as alice's"),
        (
            &carol.token,
            &carols.id,
            &bobs.id,
            "carol is not in the chat",
        ),
    ] {
        let err = handshakes
            .create_session(create(token, device, peer))
            .await
            .expect_err(why);
        assert_eq!(err.code(), Code::NotFound, "{why}");
    }
    let listed = handshakes
        .list_sessions(authed(
            &bob.token,
            pb::ListSessionsRequest {
                device_id: bobs.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect("list")
        .into_inner()
        .sessions;
    assert_eq!(listed.len(), 1);
    assert_eq!(h.count("SELECT count(*) FROM messaging.sessions").await, 1);
}
