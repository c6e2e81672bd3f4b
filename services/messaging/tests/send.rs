//! SendMessage: exact fan-out sets, idempotent retries, all-or-nothing writes, bad input and
//! the per-device, per-chat limit shared by two instances.

use crate::harness;

use std::collections::BTreeSet;
use std::time::Duration;

use harness::{Harness, envelope};
use tessera_kit::ratelimit::Rate;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::message_service_client::MessageServiceClient;
use tessera_testkit::{authed, bad_fields, reason};
use tonic::Code;
use tonic_types::StatusExt;

fn request(
    from: &harness::Device,
    chat: &str,
    logical: &str,
    envelopes: Vec<pb::Envelope>,
) -> tonic::Request<pb::SendMessageRequest> {
    authed(
        &from.owner.token,
        pb::SendMessageRequest {
            chat_id: chat.into(),
            device_id: from.id.clone(),
            logical_msg_id: logical.into(),
            envelopes,
        },
    )
}

#[tokio::test]
async fn a_message_reaches_every_other_device_of_the_chat_once() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let phone = h.enroll(&alice, 0).await;
    let laptop = h.enroll(&alice, 0).await;
    let bob1 = h.enroll(&bob, 0).await;
    let bob2 = h.enroll(&bob, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    let sent = h.send(&phone, &chat, "m-1", b"hello").await.expect("send");
    let to: BTreeSet<String> = sent
        .deliveries
        .iter()
        .map(|d| d.to_device_id.clone())
        .collect();
    assert_eq!(
        to,
        [laptop.id.clone(), bob1.id.clone(), bob2.id.clone()]
            .into_iter()
            .collect()
    );
    assert_eq!(h.count("SELECT count(*) FROM messaging.messages").await, 3);
    let pulled = h
        .messages()
        .await
        .pull_messages(authed(
            &bob.token,
            pb::PullMessagesRequest {
                device_id: bob1.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect("pull")
        .into_inner();
    assert_eq!(pulled.last_sequence, 1);
    let message = &pulled.messages[0];
    assert_eq!(
        (message.sequence, message.ciphertext.as_slice()),
        (1, &b"hello"[..])
    );
    assert_eq!(
        (
            message.from_user_id.as_str(),
            message.from_device_id.as_str()
        ),
        (alice.id.as_str(), phone.id.as_str())
    );
    assert_eq!(
        (message.logical_msg_id.as_str(), message.chat_id.as_str()),
        ("m-1", chat.as_str())
    );
    let header = message.header.clone().expect("header");
    assert_eq!((header.dh_pubkey, header.pn, header.n), (vec![7; 32], 1, 2));
    let got = h
        .chats()
        .await
        .get_chat(authed(
            &bob.token,
            pb::GetChatRequest {
                chat_id: chat.clone(),
            },
        ))
        .await
        .expect("chat")
        .into_inner()
        .chat
        .expect("chat");
    let ids: Vec<&str> = sent
        .deliveries
        .iter()
        .map(|d| d.message_id.as_str())
        .collect();
    assert!(
        ids.contains(&got.last_message_id.as_str()),
        "last_message_id is current"
    );
}

#[tokio::test]
async fn the_envelope_set_must_be_exactly_the_members_devices() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let carol = h.user("carol").await;
    let phone = h.enroll(&alice, 0).await;
    let bob1 = h.enroll(&bob, 0).await;
    let bob2 = h.enroll(&bob, 0).await;
    let carols = h.enroll(&carol, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    let before = h.snapshot().await;
    let unknown = uuid::Uuid::now_v7().to_string();
    let envelopes = vec![
        envelope(&bob1.id, &[9; 32], b"stale"),
        envelope(&carols.id, &carols.identity_key(), b"not a member"),
        envelope(&phone.id, &phone.identity_key(), b"the sender"),
        envelope(&unknown, &[1; 32], b"unknown"),
    ];
    let err = h
        .messages()
        .await
        .send_message(request(&phone, &chat, "m-1", envelopes))
        .await
        .expect_err("wrong set");
    assert_eq!(err.code(), Code::FailedPrecondition);
    let mut violations: Vec<(String, String)> = err
        .get_details_precondition_failure()
        .expect("PreconditionFailure")
        .violations
        .into_iter()
        .map(|v| (v.r#type, v.subject))
        .collect();
    violations.sort();
    let mut expected = vec![
        ("EXTRA_DEVICE".to_owned(), format!("devices/{}", carols.id)),
        ("EXTRA_DEVICE".to_owned(), format!("devices/{}", phone.id)),
        ("EXTRA_DEVICE".to_owned(), format!("devices/{unknown}")),
        ("MISSING_DEVICE".to_owned(), format!("devices/{}", bob2.id)),
        ("STALE_DEVICE".to_owned(), format!("devices/{}", bob1.id)),
    ];
    expected.sort();
    assert_eq!(violations, expected);
    assert_eq!(h.snapshot().await, before, "nothing was written");
    assert_eq!(
        h.count("SELECT max(last_seq) FROM messaging.device_inboxes")
            .await,
        0
    );
}

#[tokio::test]
async fn only_members_send_and_only_from_their_own_devices() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let carol = h.user("carol").await;
    let phone = h.enroll(&alice, 0).await;
    let bobs = h.enroll(&bob, 0).await;
    let carols = h.enroll(&carol, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    let before = h.snapshot().await;
    // carol is not in the chat.
    let err = h
        .messages()
        .await
        .send_message(request(
            &carols,
            &chat,
            "x",
            vec![envelope(&bobs.id, &bobs.identity_key(), b"hi")],
        ))
        .await
        .expect_err("not a member");
    assert_eq!(err.code(), Code::NotFound);
    // carol names alice's device as hers.
    let mut forged = phone.clone();
    forged.owner = carol.clone();
    let err = h
        .messages()
        .await
        .send_message(request(
            &forged,
            &chat,
            "x",
            vec![envelope(&bobs.id, &bobs.identity_key(), b"hi")],
        ))
        .await
        .expect_err("a foreign device");
    assert_eq!(err.code(), Code::NotFound);
    assert_eq!(h.snapshot().await, before);
}

#[tokio::test]
async fn a_retry_returns_the_original_and_a_reused_id_is_refused() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let phone = h.enroll(&alice, 0).await;
    h.enroll(&bob, 0).await;
    h.enroll(&bob, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    let first = h.send(&phone, &chat, "m-1", b"hello").await.expect("send");
    let again = h.send(&phone, &chat, "m-1", b"hello").await.expect("retry");
    assert_eq!(first, again, "the original result");
    let other = h
        .send(&phone, &chat, "m-1", b"other")
        .await
        .expect_err("reuse");
    assert_eq!(other.code(), Code::AlreadyExists);
    // Many identical retries at once store it once.
    let envelopes = h.envelopes(&phone, &chat, b"concurrent").await;
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let mut client = h.messages().await;
        let request = request(&phone, &chat, "m-2", envelopes.clone());
        tasks.push(tokio::spawn(async move {
            client.send_message(request).await.map(|r| r.into_inner())
        }));
    }
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.expect("task").expect("every retry succeeds"));
    }
    assert!(
        results.windows(2).all(|w| w[0] == w[1]),
        "all the same answer"
    );
    assert_eq!(h.count("SELECT count(*) FROM messaging.messages").await, 4);
    assert_eq!(
        h.count("SELECT max(last_seq) FROM messaging.device_inboxes")
            .await,
        2
    );
}

#[tokio::test]
async fn a_failure_in_the_middle_of_the_fan_out_leaves_no_rows() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let phone = h.enroll(&alice, 0).await;
    h.enroll(&bob, 0).await;
    let bob2 = h.enroll(&bob, 0).await;
    h.enroll(&bob, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    h.send(&phone, &chat, "m-0", b"before").await.expect("send");
    let before = h.snapshot().await;
    let client = h.suite.db().client().await;
    client
        .batch_execute(&format!(
            "CREATE FUNCTION messaging.fail_one() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN IF NEW.to_device_id = '{}' THEN RAISE EXCEPTION 'injected'; END IF; RETURN NEW; END $$;
             CREATE TRIGGER fail_one BEFORE INSERT ON messaging.messages
             FOR EACH ROW EXECUTE FUNCTION messaging.fail_one();",
            bob2.id
        ))
        .await
        .expect("trigger");
    let err = h
        .send(&phone, &chat, "m-1", b"doomed")
        .await
        .expect_err("injected failure");
    assert_eq!(err.code(), Code::Internal);
    assert!(
        !err.message().contains("injected"),
        "no database text leaks: {}",
        err.message()
    );
    assert_eq!(h.snapshot().await, before);
    assert_eq!(
        h.count("SELECT max(last_seq) FROM messaging.device_inboxes")
            .await,
        1
    );
    client
        .batch_execute("DROP TRIGGER fail_one ON messaging.messages")
        .await
        .expect("drop");
    h.send(&phone, &chat, "m-1", b"works now")
        .await
        .expect("send");
}

#[tokio::test]
async fn bad_input_names_every_field_and_changes_nothing() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let phone = h.enroll(&alice, 0).await;
    let before = h.snapshot().await;
    let mut bad = envelope("nope", &[1; 31], b"");
    bad.header = Some(pb::RatchetHeader {
        dh_pubkey: vec![1; 3],
        pn: 0,
        n: 0,
    });
    let mut big = envelope(&phone.id, &[1; 32], &vec![0; 256 * 1024 + 1]);
    big.header = None;
    let err = h
        .messages()
        .await
        .send_message(authed(
            &alice.token,
            pb::SendMessageRequest {
                chat_id: "x".into(),
                device_id: String::new(),
                logical_msg_id: "has space".into(),
                envelopes: vec![bad, big],
            },
        ))
        .await
        .expect_err("bad");
    let mut fields = bad_fields(&err);
    fields.sort();
    assert_eq!(
        fields,
        [
            "chat_id",
            "device_id",
            "envelopes[0].ciphertext",
            "envelopes[0].header.dh_pubkey",
            "envelopes[0].identity_key",
            "envelopes[0].to_device_id",
            "envelopes[1].ciphertext",
            "envelopes[1].header",
            "logical_msg_id",
        ]
    );
    assert_eq!(h.snapshot().await, before);
}

#[tokio::test]
async fn sends_are_limited_per_device_and_chat_across_instances() {
    let mut config = harness::config();
    config.send_rate = Rate {
        burst: 3,
        period: Duration::from_secs(30),
    };
    let mut h = Harness::with_config(config).await;
    h.add_replica().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let carol = h.user("carol").await;
    let phone = h.enroll(&alice, 0).await;
    let bobs = h.enroll(&bob, 0).await;
    let carols = h.enroll(&carol, 0).await;
    let chat = h.direct_chat(&alice, &bob).await;
    let other = h.direct_chat(&alice, &carol).await;
    let mut clients = [
        MessageServiceClient::new(h.replica(0).await),
        MessageServiceClient::new(h.replica(1).await),
    ];
    for i in 0..3 {
        clients[i % 2]
            .send_message(request(
                &phone,
                &chat,
                &format!("m{i}"),
                vec![envelope(&bobs.id, &bobs.identity_key(), b"x")],
            ))
            .await
            .expect("within the burst");
    }
    for client in &mut clients {
        let err = client
            .send_message(request(
                &phone,
                &chat,
                "m3",
                vec![envelope(&bobs.id, &bobs.identity_key(), b"x")],
            ))
            .await
            .expect_err("limited");
        assert_eq!(err.code(), Code::ResourceExhausted);
        assert_eq!(reason(&err), "SEND_RATE");
        assert!(
            err.get_details_retry_info()
                .and_then(|r| r.retry_delay)
                .is_some()
        );
    }
    // A retry of a message already sent is answered, not limited; another chat has its own budget.
    clients[1]
        .send_message(request(
            &phone,
            &chat,
            "m0",
            vec![envelope(&bobs.id, &bobs.identity_key(), b"x")],
        ))
        .await
        .expect("a retry");
    clients[0]
        .send_message(request(
            &phone,
            &other,
            "o0",
            vec![envelope(&carols.id, &carols.identity_key(), b"x")],
        ))
        .await
        .expect("another chat");
    assert_eq!(h.count("SELECT count(*) FROM messaging.messages").await, 4);
}

#[tokio::test]
async fn a_devices_sequence_has_no_gaps_under_concurrent_senders() {
    let h = Harness::start().await;
    let bob = h.user("bob").await;
    let inbox = h.enroll(&bob, 0).await;
    let mut senders = Vec::new();
    for i in 0..6 {
        let user = h.user(&format!("sender{i}")).await;
        let device = h.enroll(&user, 0).await;
        let chat = h.direct_chat(&user, &bob).await;
        senders.push((device, chat));
    }
    let mut tasks = Vec::new();
    for (device, chat) in senders {
        let mut client = h.messages().await;
        let to = envelope(&inbox.id, &inbox.identity_key(), b"x");
        tasks.push(tokio::spawn(async move {
            for n in 0..20 {
                client
                    .send_message(request(&device, &chat, &format!("n{n}"), vec![to.clone()]))
                    .await
                    .expect("send");
            }
        }));
    }
    for task in tasks {
        task.await.expect("task");
    }
    assert_eq!(
        h.count("SELECT count(DISTINCT seq) FROM messaging.messages WHERE seq BETWEEN 1 AND 120")
            .await,
        120
    );
    let last = format!(
        "SELECT last_seq FROM messaging.device_inboxes WHERE device_id = '{}'",
        inbox.id
    );
    assert_eq!(h.count(&last).await, 120);
}

#[tokio::test]
async fn a_refusal_names_twenty_devices_and_counts_the_rest() {
    let h = Harness::start().await;
    let alice = h.user("alice").await;
    let bob = h.user("bob").await;
    let carol = h.user("carol").await;
    let phone = h.enroll(&alice, 0).await;
    let mut others = Vec::new();
    for user in [&bob, &carol] {
        for _ in 0..13 {
            others.push(h.enroll(user, 0).await);
        }
    }
    let chat = h
        .chats()
        .await
        .create_group_chat(authed(
            &alice.token,
            pb::CreateGroupChatRequest {
                name: "many".into(),
                member_user_ids: vec![bob.id.clone(), carol.id.clone()],
            },
        ))
        .await
        .expect("group")
        .into_inner()
        .chat
        .expect("chat")
        .id;
    let only = envelope(&others[0].id, &others[0].identity_key(), b"x");
    let err = h
        .messages()
        .await
        .send_message(request(&phone, &chat, "m", vec![only]))
        .await
        .expect_err("25 devices missing");
    let violations = err
        .get_details_precondition_failure()
        .expect("details")
        .violations;
    assert_eq!(violations.len(), 21);
    assert!(
        violations[..20]
            .iter()
            .all(|v| v.r#type == "MISSING_DEVICE")
    );
    assert!(
        violations[20].description.contains("and 5 more"),
        "{:?}",
        violations[20]
    );
}
