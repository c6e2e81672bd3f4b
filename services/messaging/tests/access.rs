//! Every messaging RPC called with another user's token on alice's devices, chats, messages,
//! handshakes and sessions: NOT_FOUND (or PERMISSION_DENIED), and nothing changes.

use crate::harness;

use ed25519_dalek::Signer;
use harness::{Harness, ed25519_keys, envelope, prekeys_from};
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_testkit::authed;
use tonic::{Code, Status};

fn refused<T: std::fmt::Debug>(what: &str, result: Result<tonic::Response<T>, Status>) {
    let status = result.expect_err(what);
    assert!(
        matches!(status.code(), Code::NotFound | Code::PermissionDenied),
        "{what}: {status:?}"
    );
}

#[tokio::test]
async fn another_users_token_reaches_nothing_of_alices() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let mallory = h.user("mallory").await;
    let phone = h.enroll(&alice, 3).await;
    let bobs = h.enroll(&bob, 0).await;
    let mallorys = h.enroll(&mallory, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    let group = h
        .chats()
        .await
        .create_group_chat(authed(
            &alice.token,
            pb::CreateGroupChatRequest {
                name: "g".into(),
                member_user_ids: vec![bob.id.clone()],
            },
        ))
        .await
        .expect("group")
        .into_inner()
        .chat
        .expect("chat")
        .id;
    let sent = h
        .send(&bobs, &chat, "to-alice", b"secret")
        .await
        .expect("send");
    let message_id = sent.deliveries[0].message_id.clone();
    let handshake = h
        .handshakes()
        .await
        .initiate_handshake(authed(
            &bob.token,
            pb::InitiateHandshakeRequest {
                sender_device_id: bobs.id.clone(),
                recipient_device_id: phone.id.clone(),
                ephemeral_key: vec![1; 32],
                prekey_used: vec![2; 32],
                ciphertext: b"hs".to_vec(),
            },
        ))
        .await
        .expect("handshake")
        .into_inner()
        .handshake
        .expect("h")
        .id;
    let before = h.snapshot().await;
    let m = &mallory.token;

    // Devices.
    let mut devices = h.devices().await;
    let listed = devices
        .list_devices(authed(m, pb::ListDevicesRequest::default()))
        .await
        .expect("list");
    assert!(
        listed
            .into_inner()
            .devices
            .iter()
            .all(|d| d.user_id == mallory.id)
    );
    let mask = Some(prost_types::FieldMask {
        paths: vec!["label".into()],
    });
    refused(
        "UpdateDevice",
        devices
            .update_device(authed(
                m,
                pb::UpdateDeviceRequest {
                    device_id: phone.id.clone(),
                    label: "pwned".into(),
                    push_token: String::new(),
                    update_mask: mask,
                },
            ))
            .await,
    );
    let signed = [4u8; 32];
    refused(
        "RotateSignedPrekey",
        devices
            .rotate_signed_prekey(authed(
                m,
                pb::RotateSignedPrekeyRequest {
                    device_id: phone.id.clone(),
                    signed_prekey: signed.to_vec(),
                    signed_prekey_signature: phone.identity.sign(&signed).to_bytes().to_vec(),
                },
            ))
            .await,
    );
    let (_, keys) = ed25519_keys();
    refused(
        "ReenrollDevice",
        devices
            .reenroll_device(authed(
                m,
                pb::ReenrollDeviceRequest {
                    device_id: phone.id.clone(),
                    keys: Some(keys),
                    one_time_prekeys: vec![],
                },
            ))
            .await,
    );
    refused(
        "UploadPrekeys",
        devices
            .upload_prekeys(authed(
                m,
                pb::UploadPrekeysRequest {
                    device_id: phone.id.clone(),
                    prekeys: prekeys_from(100, 1),
                },
            ))
            .await,
    );
    refused(
        "DeleteDevice",
        devices
            .delete_device(authed(
                m,
                pb::DeleteDeviceRequest {
                    device_id: phone.id.clone(),
                },
            ))
            .await,
    );

    // Chats.
    let mut chats = h.chats().await;
    for id in [&chat, &group] {
        refused(
            "GetChat",
            chats
                .get_chat(authed(
                    m,
                    pb::GetChatRequest {
                        chat_id: id.clone(),
                    },
                ))
                .await,
        );
        refused(
            "AddChatMembers",
            chats
                .add_chat_members(authed(
                    m,
                    pb::AddChatMembersRequest {
                        chat_id: id.clone(),
                        user_ids: vec![mallory.id.clone()],
                    },
                ))
                .await,
        );
        refused(
            "RemoveChatMember",
            chats
                .remove_chat_member(authed(
                    m,
                    pb::RemoveChatMemberRequest {
                        chat_id: id.clone(),
                        user_id: bob.id.clone(),
                    },
                ))
                .await,
        );
        refused(
            "LeaveChat",
            chats
                .leave_chat(authed(
                    m,
                    pb::LeaveChatRequest {
                        chat_id: id.clone(),
                    },
                ))
                .await,
        );
        refused(
            "ListChatDevices",
            chats
                .list_chat_devices(authed(
                    m,
                    pb::ListChatDevicesRequest {
                        chat_id: id.clone(),
                    },
                ))
                .await,
        );
    }
    let mine = chats
        .list_chats(authed(m, pb::ListChatsRequest::default()))
        .await
        .expect("list");
    assert!(mine.into_inner().chats.is_empty());

    // Messages.
    let mut messages = h.messages().await;
    for device in [&mallorys.id, &phone.id] {
        refused(
            "SendMessage",
            messages
                .send_message(authed(
                    m,
                    pb::SendMessageRequest {
                        chat_id: chat.clone(),
                        device_id: device.clone(),
                        logical_msg_id: "x".into(),
                        envelopes: vec![envelope(&bobs.id, &bobs.identity_key(), b"x")],
                    },
                ))
                .await,
        );
    }
    refused(
        "Subscribe",
        messages
            .subscribe(authed(
                m,
                pb::SubscribeRequest {
                    device_id: phone.id.clone(),
                    after_sequence: None,
                },
            ))
            .await,
    );
    refused(
        "PullMessages",
        messages
            .pull_messages(authed(
                m,
                pb::PullMessagesRequest {
                    device_id: phone.id.clone(),
                    ..Default::default()
                },
            ))
            .await,
    );
    refused(
        "AckMessages",
        messages
            .ack_messages(authed(
                m,
                pb::AckMessagesRequest {
                    device_id: phone.id.clone(),
                    up_to_sequence: 1,
                },
            ))
            .await,
    );
    refused(
        "MarkRead",
        messages
            .mark_read(authed(
                m,
                pb::MarkReadRequest {
                    device_id: phone.id.clone(),
                    message_ids: vec![message_id.clone()],
                },
            ))
            .await,
    );
    let own = messages
        .mark_read(authed(
            m,
            pb::MarkReadRequest {
                device_id: mallorys.id.clone(),
                message_ids: vec![message_id.clone()],
            },
        ))
        .await
        .expect("her own device");
    assert_eq!(
        own.into_inner().marked,
        0,
        "alice's message is not mallory's to mark"
    );
    refused(
        "ListReceipts",
        messages
            .list_receipts(authed(
                m,
                pb::ListReceiptsRequest {
                    device_id: bobs.id.clone(),
                    logical_msg_id: "to-alice".into(),
                },
            ))
            .await,
    );

    // Handshakes and sessions.
    let mut handshakes = h.handshakes().await;
    refused(
        "InitiateHandshake",
        handshakes
            .initiate_handshake(authed(
                m,
                pb::InitiateHandshakeRequest {
                    sender_device_id: phone.id.clone(),
                    recipient_device_id: bobs.id.clone(),
                    ephemeral_key: vec![1; 32],
                    prekey_used: vec![2; 32],
                    ciphertext: b"x".to_vec(),
                },
            ))
            .await,
    );
    refused(
        "ListHandshakes",
        handshakes
            .list_handshakes(authed(
                m,
                pb::ListHandshakesRequest {
                    device_id: phone.id.clone(),
                    ..Default::default()
                },
            ))
            .await,
    );
    refused(
        "RespondHandshake",
        handshakes
            .respond_handshake(authed(
                m,
                pb::RespondHandshakeRequest {
                    handshake_id: handshake.clone(),
                },
            ))
            .await,
    );
    refused(
        "CompleteHandshake",
        handshakes
            .complete_handshake(authed(
                m,
                pb::CompleteHandshakeRequest {
                    handshake_id: handshake.clone(),
                },
            ))
            .await,
    );
    refused(
        "CreateSession",
        handshakes
            .create_session(authed(
                m,
                pb::CreateSessionRequest {
                    chat_id: chat.clone(),
                    device_id: mallorys.id.clone(),
                    peer_device_id: phone.id.clone(),
                },
            ))
            .await,
    );
    refused(
        "ListSessions",
        handshakes
            .list_sessions(authed(
                m,
                pb::ListSessionsRequest {
                    device_id: phone.id.clone(),
                    ..Default::default()
                },
            ))
            .await,
    );

    assert_eq!(h.snapshot().await, before, "nothing changed");
    assert_eq!(h.count("SELECT count(*) FROM messaging.messages WHERE read_at IS NOT NULL OR delivered_at IS NOT NULL").await, 0);
    assert_eq!(
        h.count("SELECT count(*) FROM messaging.devices WHERE device_label IS NOT NULL")
            .await,
        0
    );
}

#[tokio::test]
async fn services_and_anonymous_callers_are_refused() {
    let h = Harness::start().await;
    let err = h
        .devices()
        .await
        .list_devices(tonic::Request::new(pb::ListDevicesRequest::default()))
        .await
        .expect_err("anonymous");
    assert_eq!(err.code(), Code::Unauthenticated);
    let token = tessera_testkit::suite::service_token("messaging");
    let err = h
        .chats()
        .await
        .list_chats(authed(&token, pb::ListChatsRequest::default()))
        .await
        .expect_err("a service credential");
    assert_eq!(err.code(), Code::PermissionDenied);
}
