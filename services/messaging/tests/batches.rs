//! Group commit: sends that wait together are written as one batch, and a send that fails its
//! checks inside a batch gets its own answer while the others are stored, notified and
//! delivered.

use crate::harness;

use std::collections::BTreeSet;
use std::time::Duration;

use harness::{Harness, envelope, next_message};
use tessera_kit::ratelimit::Rate;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_testkit::authed;
use tessera_testkit::observe::{eventually, sample, scrape};
use tonic::Code;

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

/// The value of an unlabelled messaging metric (0 before it is first recorded).
async fn metric(h: &Harness, name: &str) -> f64 {
    let text = scrape(h.suite.service("messaging").metrics_addr()).await;
    sample(&text, name, &[]).unwrap_or(0.0)
}

#[tokio::test]
async fn a_batch_answers_each_send_on_its_own_and_stores_only_those_that_pass() {
    // One writer, and three sends per device and chat an hour: the fourth is refused.
    let h = Harness::with_config(tessera_messaging::Config {
        send_writers: 1,
        send_rate: Rate {
            burst: 3,
            period: Duration::from_secs(3600),
        },
        ..harness::config()
    })
    .await;
    let bob = h.user("bob").await;
    let inbox = h.enroll(&bob, 0).await;
    // A sender per case, each in a direct chat with bob.
    let mut senders = Vec::new();
    for name in ["ok1", "ok2", "ok3", "wrong", "reused", "retry", "limited"] {
        let user = h.user(name).await;
        let device = h.enroll(&user, 0).await;
        let chat = h.direct_chat(&user, &bob).await;
        senders.push((name, device, chat));
    }
    let carol = h.user("carol").await;
    let outsider = h.enroll(&carol, 0).await;
    let find = |name: &str| senders.iter().find(|(n, ..)| *n == name).expect("a sender");
    let mut stream = h.subscribe(&inbox, None).await;

    // Before the batch: what the retry repeats, what the reuse collides with, the spent limit.
    let (_, reused, reused_chat) = find("reused");
    h.send(reused, reused_chat, "dup", b"first")
        .await
        .expect("first");
    let (_, retried, retried_chat) = find("retry");
    let original = h
        .send(retried, retried_chat, "same", b"same")
        .await
        .expect("original");
    let (_, limited, limited_chat) = find("limited");
    for n in 0..3 {
        let logical = format!("burst-{n}");
        h.send(limited, limited_chat, &logical, b"x")
            .await
            .expect("within the burst");
    }

    // The writer is held on a row lock while the batch gathers behind it.
    let blocker_user = h.user("blocker").await;
    let blocker = h.enroll(&blocker_user, 0).await;
    let held_user = h.user("held").await;
    let held = h.enroll(&held_user, 0).await;
    let blocked_chat = h.direct_chat(&blocker_user, &held_user).await;
    let lock = h.suite.db().client().await;
    lock.batch_execute(&format!(
        "BEGIN; SELECT 1 FROM messaging.device_inboxes WHERE device_id = '{}' FOR UPDATE",
        held.id
    ))
    .await
    .expect("lock the held inbox");
    let blocked = {
        let mut client = h.messages().await;
        let envelopes = h.envelopes(&blocker, &blocked_chat, b"blocked").await;
        let request = request(&blocker, &blocked_chat, "blocked", envelopes);
        tokio::spawn(async move { client.send_message(request).await })
    };
    let waiting = "SELECT count(*) FROM pg_stat_activity \
                   WHERE datname = current_database() AND wait_event_type = 'Lock'";
    eventually(
        "the writer waits on the lock",
        Duration::from_secs(10),
        || async { h.count(waiting).await > 0 },
    )
    .await;
    let batches_before = metric(&h, "messaging_send_batch_size_count").await;

    let mut calls = Vec::new();
    let client = h.messages().await;
    let mut mixed = |name: &'static str, request: tonic::Request<pb::SendMessageRequest>| {
        let mut client = client.clone();
        let call = async move { client.send_message(request).await.map(|r| r.into_inner()) };
        calls.push((name, tokio::spawn(call)));
    };
    for name in ["ok1", "ok2", "ok3"] {
        let (_, device, chat) = find(name);
        let envelopes = h.envelopes(device, chat, name.as_bytes()).await;
        mixed(name, request(device, chat, name, envelopes));
    }
    let (_, wrong, wrong_chat) = find("wrong");
    let stranger = uuid::Uuid::now_v7().to_string();
    mixed(
        "wrong",
        request(
            wrong,
            wrong_chat,
            "w",
            vec![envelope(&stranger, &[3; 32], b"w")],
        ),
    );
    let reuse = h.envelopes(reused, reused_chat, b"second").await;
    mixed("reused", request(reused, reused_chat, "dup", reuse));
    let again = h.envelopes(retried, retried_chat, b"same").await;
    mixed("retry", request(retried, retried_chat, "same", again));
    let over = h.envelopes(limited, limited_chat, b"over").await;
    mixed("limited", request(limited, limited_chat, "over", over));
    let outside = vec![envelope(&inbox.id, &inbox.identity_key(), b"nope")];
    mixed(
        "outsider",
        request(&outsider, find("ok1").2.as_str(), "o", outside),
    );
    eventually(
        "all eight wait for the next batch",
        Duration::from_secs(10),
        || async { metric(&h, "messaging_send_queued").await >= 8.0 },
    )
    .await;
    lock.batch_execute("COMMIT")
        .await
        .expect("release the lock");
    blocked
        .await
        .expect("task")
        .expect("the held send goes through");

    let mut answers = std::collections::BTreeMap::new();
    for (name, call) in calls {
        answers.insert(name, call.await.expect("task"));
    }
    let code = |name: &str| {
        answers[name]
            .as_ref()
            .map_or_else(|s| s.code(), |_| Code::Ok)
    };
    for name in ["ok1", "ok2", "ok3"] {
        assert_eq!(code(name), Code::Ok, "{name}: {:?}", answers[name]);
    }
    assert_eq!(
        code("wrong"),
        Code::FailedPrecondition,
        "{:?}",
        answers["wrong"]
    );
    assert_eq!(
        code("reused"),
        Code::AlreadyExists,
        "{:?}",
        answers["reused"]
    );
    assert_eq!(
        code("limited"),
        Code::ResourceExhausted,
        "{:?}",
        answers["limited"]
    );
    assert_eq!(
        code("outsider"),
        Code::NotFound,
        "{:?}",
        answers["outsider"]
    );
    assert_eq!(
        answers["retry"].as_ref().expect("a retry answers"),
        &original,
        "a retry answers with the original"
    );
    assert_eq!(
        metric(&h, "messaging_send_batch_size_count").await - batches_before,
        1.0,
        "the eight were one batch"
    );

    // Stored: the three that passed, besides what was there before; nothing of the others.
    let to_bob = format!(
        "SELECT logical_msg_id FROM messaging.messages WHERE to_device_id = '{}' ORDER BY seq",
        inbox.id
    );
    let stored: Vec<String> = h
        .suite
        .db()
        .client()
        .await
        .query(&to_bob, &[])
        .await
        .expect("rows")
        .iter()
        .map(|row| row.get(0))
        .collect();
    let mut expected: BTreeSet<&str> = ["dup", "same", "burst-0", "burst-1", "burst-2"].into();
    expected.extend(["ok1", "ok2", "ok3"]);
    assert_eq!(
        stored.iter().map(String::as_str).collect::<BTreeSet<_>>(),
        expected,
        "only the sends that passed"
    );
    // Delivered, once each, in sequence order with no gap.
    for seq in 1..=stored.len() as u64 {
        let message = next_message(&mut stream).await;
        assert_eq!(message.sequence, seq);
        assert_eq!(message.logical_msg_id, stored[seq as usize - 1]);
    }
}
