//! Delivery: streams catch up from the cursor and go live, one stream per device (on any
//! instance), heartbeats, revoked sessions, acknowledgements, read marks, receipts, pulls,
//! and every message once through a killed LISTEN connection and reconnecting clients.

use crate::harness;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use harness::{Harness, Item, envelope, next, next_message, subscribe_on};
use tessera_proto::tessera::identity::v1 as id_pb;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_testkit::{authed, bad_fields};
use tonic::Code;

#[tokio::test]
async fn a_stream_catches_up_marks_the_end_then_goes_live_with_heartbeats() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let phone = h.enroll(&alice, 0).await;
    let bobs = h.enroll(&bob, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    for i in 1..=3 {
        h.send(
            &phone,
            &chat,
            &format!("m{i}"),
            format!("body {i}").as_bytes(),
        )
        .await
        .expect("send");
    }
    let mut stream = h.subscribe(&bobs, None).await;
    for seq in 1..=3 {
        match next(&mut stream).await.expect("item") {
            Item::Message(m) => assert_eq!(
                (m.sequence, m.ciphertext),
                (seq, format!("body {seq}").into_bytes())
            ),
            other => panic!("expected message {seq}, got {other:?}"),
        }
    }
    match next(&mut stream).await.expect("item") {
        Item::CaughtUp(c) => assert_eq!(c.sequence, 3),
        other => panic!("expected caught_up, got {other:?}"),
    }
    // Idle: heartbeats (every 300 ms in tests) carry the last sequence.
    match next(&mut stream).await.expect("item") {
        Item::Heartbeat(beat) => assert_eq!(beat.sequence, 3),
        other => panic!("expected a heartbeat, got {other:?}"),
    }
    h.send(&phone, &chat, "m4", b"live").await.expect("send");
    let live = next_message(&mut stream).await;
    assert_eq!((live.sequence, live.logical_msg_id.as_str()), (4, "m4"));
    // Resuming after a sequence skips what came before it.
    let mut resumed = h.subscribe(&bobs, Some(2)).await;
    assert_eq!(next_message(&mut resumed).await.sequence, 3);
}

#[tokio::test]
async fn acks_move_the_cursor_and_senders_see_delivery_and_reads() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let phone = h.enroll(&alice, 0).await;
    let bobs = h.enroll(&bob, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    let mut sent = Vec::new();
    for i in 1..=3 {
        sent.push(
            h.send(&phone, &chat, &format!("m{i}"), b"x")
                .await
                .expect("send"),
        );
    }
    let mut messages = h.messages().await;
    let ack = |upto: u64| {
        authed(
            &bob.token,
            pb::AckMessagesRequest {
                device_id: bobs.id.clone(),
                up_to_sequence: upto,
            },
        )
    };
    let err = messages
        .ack_messages(ack(4))
        .await
        .expect_err("beyond the last");
    assert_eq!(bad_fields(&err), ["up_to_sequence"]);
    assert_eq!(
        messages
            .ack_messages(ack(2))
            .await
            .expect("ack")
            .into_inner()
            .acked_sequence,
        2
    );
    assert_eq!(
        messages
            .ack_messages(ack(1))
            .await
            .expect("ack")
            .into_inner()
            .acked_sequence,
        2,
        "never backwards"
    );
    assert_eq!(
        h.count("SELECT count(*) FROM messaging.messages WHERE delivered_at IS NOT NULL")
            .await,
        2
    );
    // A new stream starts after the acknowledged cursor.
    let mut stream = h.subscribe(&bobs, None).await;
    assert_eq!(next_message(&mut stream).await.sequence, 3);

    let marked = messages
        .mark_read(authed(
            &bob.token,
            pb::MarkReadRequest {
                device_id: bobs.id.clone(),
                message_ids: vec![
                    sent[0].deliveries[0].message_id.clone(),
                    sent[2].deliveries[0].message_id.clone(),
                ],
            },
        ))
        .await
        .expect("mark read")
        .into_inner();
    assert_eq!(marked.marked, 2);
    let receipts = |logical: &str| {
        authed(
            &alice.token,
            pb::ListReceiptsRequest {
                device_id: phone.id.clone(),
                logical_msg_id: logical.into(),
            },
        )
    };
    let first = messages
        .list_receipts(receipts("m1"))
        .await
        .expect("receipts")
        .into_inner()
        .receipts;
    assert_eq!(first.len(), 1);
    assert_eq!(
        (first[0].to_user_id.as_str(), first[0].to_device_id.as_str()),
        (bob.id.as_str(), bobs.id.as_str())
    );
    assert!(first[0].deliver_time.is_some() && first[0].read_time.is_some());
    let second = messages
        .list_receipts(receipts("m2"))
        .await
        .expect("receipts")
        .into_inner()
        .receipts;
    assert!(second[0].deliver_time.is_some() && second[0].read_time.is_none());
    let third = messages
        .list_receipts(receipts("m3"))
        .await
        .expect("receipts")
        .into_inner()
        .receipts;
    assert!(third[0].deliver_time.is_some(), "reading implies delivery");
    // Only the sending device's owner sees receipts.
    let err = messages
        .list_receipts(authed(
            &bob.token,
            pb::ListReceiptsRequest {
                device_id: phone.id.clone(),
                logical_msg_id: "m1".into(),
            },
        ))
        .await
        .expect_err("not bob's device");
    assert_eq!(err.code(), Code::NotFound);
}

#[tokio::test]
async fn pulls_page_through_the_inbox_in_order() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let phone = h.enroll(&alice, 0).await;
    let bobs = h.enroll(&bob, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    for i in 1..=5 {
        h.send(&phone, &chat, &format!("m{i}"), b"x")
            .await
            .expect("send");
    }
    let mut after = 0;
    let mut seen = Vec::new();
    loop {
        let page = h
            .messages()
            .await
            .pull_messages(authed(
                &bob.token,
                pb::PullMessagesRequest {
                    device_id: bobs.id.clone(),
                    after_sequence: after,
                    page_size: 2,
                },
            ))
            .await
            .expect("pull")
            .into_inner();
        assert_eq!(page.last_sequence, 5);
        let Some(last) = page.messages.last() else {
            break;
        };
        after = last.sequence;
        seen.extend(page.messages.iter().map(|m| m.sequence));
    }
    assert_eq!(seen, [1, 2, 3, 4, 5]);
}

#[tokio::test]
async fn a_newer_stream_for_a_device_ends_the_older_on_any_instance() {
    let mut h = Harness::start().await;
    h.add_replica().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let phone = h.enroll(&alice, 0).await;
    let bobs = h.enroll(&bob, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    let mut older = subscribe_on(h.replica(0).await, &bobs, None).await;
    assert!(matches!(next(&mut older).await, Ok(Item::CaughtUp(_))));
    let mut newer = subscribe_on(h.replica(1).await, &bobs, None).await;
    assert!(matches!(next(&mut newer).await, Ok(Item::CaughtUp(_))));
    let ended = loop {
        match next(&mut older).await {
            Ok(Item::Heartbeat(_)) => continue,
            other => break other,
        }
    };
    assert_eq!(ended.expect_err("replaced").code(), Code::Aborted);
    h.send(&phone, &chat, "m1", b"x").await.expect("send");
    assert_eq!(next_message(&mut newer).await.sequence, 1);
}

#[tokio::test]
async fn a_revoked_sign_in_ends_its_streams_within_two_seconds() {
    let h = Harness::start().await;
    let bob = h.user("bob").await;
    let bobs = h.enroll(&bob, 0).await;
    let mut stream = h.subscribe(&bobs, None).await;
    assert!(matches!(next(&mut stream).await, Ok(Item::CaughtUp(_))));
    h.suite
        .identity
        .sessions()
        .sign_out(authed(&bob.token, id_pb::SignOutRequest {}))
        .await
        .expect("sign out");
    let revoked = Instant::now();
    let ended = tokio::time::timeout(Duration::from_secs(2), async {
        loop {
            match stream.message().await {
                Ok(Some(_)) => continue,
                Ok(None) => return None,
                Err(status) => return Some(status),
            }
        }
    })
    .await
    .expect("the stream ended within 2 s of the revocation");
    assert_eq!(
        ended.expect("a status").code(),
        Code::Unauthenticated,
        "after {:?}",
        revoked.elapsed()
    );
}

#[tokio::test]
async fn live_events_tell_devices_about_devices_sessions_and_low_prekeys() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let phone = h.enroll(&alice, 0).await;
    let bobs = h.enroll(&bob, 10).await;
    let chat = h.direct_chat(&alice, &bob).await;
    let mut bobs_stream = h.subscribe(&bobs, None).await;
    let mut alices_stream = h.subscribe(&phone, None).await;
    assert!(matches!(
        next(&mut bobs_stream).await,
        Ok(Item::CaughtUp(_))
    ));
    assert!(matches!(
        next(&mut alices_stream).await,
        Ok(Item::CaughtUp(_))
    ));
    // A claim leaves bob's device with 9: below 10, it hears of it.
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
    let event = until(&mut bobs_stream, |i| matches!(i, Item::KeysLow(_))).await;
    assert_eq!(
        event,
        Item::KeysLow(pb::KeysLow {
            device_id: bobs.id.clone(),
            remaining: 9
        })
    );
    // A new device of alice's: her stream hears of it, bob's does not.
    let laptop = h.enroll(&alice, 0).await;
    match until(&mut alices_stream, |i| matches!(i, Item::DeviceEvent(_))).await {
        Item::DeviceEvent(e) => {
            assert_eq!(
                (e.device_id.as_str(), e.change),
                (laptop.id.as_str(), pb::DeviceChange::Enrolled as i32)
            );
        }
        other => panic!("{other:?}"),
    }
    // A session: both users' streams hear of it.
    h.handshakes()
        .await
        .create_session(authed(
            &alice.token,
            pb::CreateSessionRequest {
                chat_id: chat.clone(),
                device_id: phone.id.clone(),
                peer_device_id: bobs.id.clone(),
            },
        ))
        .await
        .expect("session");
    for stream in [&mut alices_stream, &mut bobs_stream] {
        match until(stream, |i| matches!(i, Item::SessionEvent(_))).await {
            Item::SessionEvent(e) => assert_eq!(
                (e.sender_device_id.as_str(), e.receiver_device_id.as_str()),
                (phone.id.as_str(), bobs.id.as_str())
            ),
            other => panic!("{other:?}"),
        }
    }
    // bob's stream saw no device event of alice's.
    h.send(&phone, &chat, "marker", b"x").await.expect("send");
    loop {
        match next(&mut bobs_stream).await.expect("item") {
            Item::DeviceEvent(e) => panic!("bob heard of alice's device: {e:?}"),
            Item::Message(m) if m.logical_msg_id == "marker" => break,
            _ => {}
        }
    }
}

async fn until(stream: &mut harness::Stream, wanted: impl Fn(&Item) -> bool) -> Item {
    loop {
        let item = next(stream).await.expect("item");
        if wanted(&item) {
            return item;
        }
    }
}

#[tokio::test]
async fn every_device_gets_every_message_once_through_listener_kills_and_reconnects() {
    let mut h = Harness::start().await;
    h.add_replica().await;
    let owner = h.user("owner").await;
    let mut members = Vec::new();
    for i in 0..4 {
        members.push(h.user(&format!("member{i}")).await);
    }
    let chat = h
        .chats()
        .await
        .create_group_chat(authed(
            &owner.token,
            pb::CreateGroupChatRequest {
                name: "all".into(),
                member_user_ids: members.iter().map(|m| m.id.clone()).collect(),
            },
        ))
        .await
        .expect("group")
        .into_inner()
        .chat
        .expect("chat")
        .id;
    let mut devices = vec![h.enroll(&owner, 0).await];
    for member in &members {
        devices.push(h.enroll(member, 0).await);
    }
    const PER_SENDER: usize = 30;
    let senders = 3;
    // Subscribers: read until they have every message meant for them, dropping and reopening
    // their stream (alternating instances) every few messages, resuming after the last seen.
    let channels = [h.replica(0).await, h.replica(1).await];
    let mut readers = Vec::new();
    for (index, device) in devices.iter().enumerate() {
        let device = device.clone();
        let channels = channels.clone();
        let expected = if index < senders {
            (senders - 1) * PER_SENDER
        } else {
            senders * PER_SENDER
        };
        readers.push(tokio::spawn(async move {
            let mut got: BTreeMap<u64, String> = BTreeMap::new();
            let mut last = None;
            let mut round = 0;
            while got.len() < expected {
                let mut stream = subscribe_on(channels[round % 2].clone(), &device, last).await;
                round += 1;
                let mut in_this_stream = 0;
                while got.len() < expected && in_this_stream < 7 {
                    let message = next_message(&mut stream).await;
                    assert!(
                        got.insert(message.sequence, message.logical_msg_id)
                            .is_none(),
                        "a message twice"
                    );
                    last = Some(message.sequence);
                    in_this_stream += 1;
                }
            }
            got
        }));
    }
    // Each listener kill falls between two sends of every writer: the writers stop at a gate
    // (a third and two thirds of the way), the kill comes once all of them wait there, and
    // they go on while the listeners are being rebuilt.
    let (kills_tx, kills) = tokio::sync::watch::channel(0usize);
    let at_gate = Arc::new(tokio::sync::Semaphore::new(0));
    let gates = [PER_SENDER / 3, 2 * PER_SENDER / 3];
    let mut writers = Vec::new();
    for sender in devices.iter().take(senders).cloned() {
        let chat = chat.clone();
        let envelopes = h.envelopes(&sender, &chat, b"x").await;
        let mut client = h.messages().await;
        let (mut kills, at_gate) = (kills.clone(), at_gate.clone());
        writers.push(tokio::spawn(async move {
            for n in 0..PER_SENDER {
                if let Some(gate) = gates.iter().position(|g| *g == n) {
                    at_gate.add_permits(1);
                    kills.wait_for(|k| *k > gate).await.expect("the killer");
                }
                let request = authed(
                    &sender.owner.token,
                    pb::SendMessageRequest {
                        chat_id: chat.clone(),
                        device_id: sender.id.clone(),
                        logical_msg_id: format!("{}-{n}", sender.id),
                        envelopes: envelopes.clone(),
                    },
                );
                client.send_message(request).await.expect("send");
            }
        }));
    }
    let db = h.suite.db().client().await;
    let listeners = "FROM pg_stat_activity WHERE application_name = 'tessera-messaging-listen' \
                     AND datname = current_database()";
    for kill in 1..=gates.len() {
        let all = u32::try_from(senders).expect("a few senders");
        at_gate
            .acquire_many(all)
            .await
            .expect("the writers reach the gate")
            .forget();
        // Both instances' listeners are up again (a rebuild takes its backoff) before each kill.
        let up = format!("SELECT count(*) {listeners}");
        let mut connected = 0;
        for _ in 0..100 {
            connected = db
                .query_one(&up, &[])
                .await
                .expect("listeners")
                .get::<_, i64>(0);
            if connected == 2 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(connected, 2, "one listening connection per instance");
        let sql = format!("SELECT count(pg_terminate_backend(pid)) {listeners}");
        let killed: i64 = db
            .query_one(&sql, &[])
            .await
            .expect("kill the listeners")
            .get(0);
        assert_eq!(killed, 2);
        kills_tx.send(kill).expect("the writers");
    }
    for writer in writers {
        writer.await.expect("writer");
    }
    for (index, reader) in readers.into_iter().enumerate() {
        let got = reader.await.expect("reader");
        let expected = if index < senders {
            (senders - 1) * PER_SENDER
        } else {
            senders * PER_SENDER
        };
        assert_eq!(got.len(), expected);
        assert_eq!(
            got.keys().copied().collect::<Vec<_>>(),
            (1..=expected as u64).collect::<Vec<_>>()
        );
        let stored = h
            .count(&format!(
                "SELECT count(*) FROM messaging.messages WHERE to_device_id = '{}'",
                devices[index].id
            ))
            .await;
        assert_eq!(stored as usize, expected);
    }
}

#[tokio::test]
async fn an_envelope_for_a_device_is_only_its_owners() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let phone = h.enroll(&alice, 0).await;
    let bobs = h.enroll(&bob, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    h.messages()
        .await
        .send_message(authed(
            &alice.token,
            pb::SendMessageRequest {
                chat_id: chat,
                device_id: phone.id.clone(),
                logical_msg_id: "m".into(),
                envelopes: vec![envelope(&bobs.id, &bobs.identity_key(), b"for bob")],
            },
        ))
        .await
        .expect("send");
    let err = h
        .messages()
        .await
        .subscribe(authed(
            &alice.token,
            pb::SubscribeRequest {
                device_id: bobs.id.clone(),
                after_sequence: None,
            },
        ))
        .await
        .expect_err("not alice's device");
    assert_eq!(err.code(), Code::NotFound);
    let err = h
        .messages()
        .await
        .pull_messages(authed(
            &alice.token,
            pb::PullMessagesRequest {
                device_id: bobs.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect_err("not alice's device");
    assert_eq!(err.code(), Code::NotFound);
}

#[tokio::test]
async fn a_stream_whose_client_went_away_is_freed() {
    let h = Harness::start().await;
    let bob = h.user("bob").await;
    let bobs = h.enroll(&bob, 0).await;
    let mut stream = h.subscribe(&bobs, None).await;
    assert!(matches!(next(&mut stream).await, Ok(Item::CaughtUp(_))));
    let open = format!(
        "SELECT count(*) FROM messaging.device_inboxes WHERE device_id = '{}' AND stream_id IS NOT NULL",
        bobs.id
    );
    assert_eq!(h.count(&open).await, 1);
    drop(stream);
    for _ in 0..100 {
        if h.count(&open).await == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the stream's task still holds the device 5 s after its client left");
}

#[tokio::test]
async fn a_slow_subscriber_loses_nothing() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let phone = h.enroll(&alice, 0).await;
    let bobs = h.enroll(&bob, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    let mut stream = h.subscribe(&bobs, None).await;
    assert!(matches!(next(&mut stream).await, Ok(Item::CaughtUp(_))));
    // Far more than the stream buffers, sent while the client reads nothing.
    let envelopes = h.envelopes(&phone, &chat, b"x").await;
    let mut client = h.messages().await;
    for n in 0..300 {
        client
            .send_message(authed(
                &alice.token,
                pb::SendMessageRequest {
                    chat_id: chat.clone(),
                    device_id: phone.id.clone(),
                    logical_msg_id: format!("m{n}"),
                    envelopes: envelopes.clone(),
                },
            ))
            .await
            .expect("send");
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    for seq in 1..=300 {
        assert_eq!(next_message(&mut stream).await.sequence, seq);
    }
}
