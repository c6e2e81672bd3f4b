//! Durable before acknowledged: PostgreSQL is killed (SIGKILL, every backend) in the middle of
//! a send load on a cluster with full durability; after its recovery every send that was
//! acknowledged is stored and delivered, and each inbox's sequence has no gap.

use crate::harness;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use harness::Harness;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_testkit::authed;
use tessera_testkit::cluster::Cluster;
use tessera_testkit::observe::eventually;
use tonic_health::pb::health_check_response::ServingStatus;

const SENDERS: usize = 8;

#[tokio::test]
async fn every_acknowledged_send_survives_a_database_crash() {
    let dir = std::env::temp_dir().join(format!("crash-pg-{}", uuid::Uuid::now_v7()));
    let cluster = Cluster::start(
        &dir,
        "-c fsync=on -c synchronous_commit=on -c full_page_writes=on",
    );
    let mut h = Harness::on_server(&cluster.url("127.0.0.1", ""), harness::config()).await;
    let bob = h.user("bob").await;
    let inbox = h.enroll(&bob, 0).await;
    let acknowledged = Arc::new(Mutex::new(BTreeSet::new()));
    let mut senders = Vec::new();
    for i in 0..SENDERS {
        let user = h.user(&format!("sender{i}")).await;
        let device = h.enroll(&user, 0).await;
        let chat = h.direct_chat(&user, &bob).await;
        let envelopes = h.envelopes(&device, &chat, b"durable").await;
        let (mut client, acknowledged) = (h.messages().await, acknowledged.clone());
        senders.push(tokio::spawn(async move {
            // Until the database goes: every answered send is recorded.
            for n in 0.. {
                let logical = format!("s{i}-{n}");
                let request = authed(
                    &device.owner.token,
                    pb::SendMessageRequest {
                        chat_id: chat.clone(),
                        device_id: device.id.clone(),
                        logical_msg_id: logical.clone(),
                        envelopes: envelopes.clone(),
                    },
                );
                if client.send_message(request).await.is_err() {
                    return;
                }
                acknowledged
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(logical);
            }
        }));
    }
    eventually("sends are flowing", Duration::from_secs(30), || async {
        acknowledged.lock().unwrap_or_else(|e| e.into_inner()).len() >= 200
    })
    .await;
    cluster.crash();
    for sender in senders {
        tokio::time::timeout(Duration::from_secs(60), sender)
            .await
            .expect("a sender stops once the database is gone")
            .expect("sender task");
    }
    let acknowledged = std::mem::take(&mut *acknowledged.lock().unwrap_or_else(|e| e.into_inner()));

    cluster.up();
    let messaging = h.suite.service("messaging");
    eventually(
        "messaging serves again",
        Duration::from_secs(60),
        || async { messaging.health().await == Some(ServingStatus::Serving) },
    )
    .await;
    // Everything acknowledged is there, and reaches the recipient in sequence order.
    let mut pulled = Vec::new();
    let mut client = h.messages().await;
    loop {
        let after = pulled.last().map_or(0, |m: &pb::Message| m.sequence);
        let page = client
            .pull_messages(authed(
                &bob.token,
                pb::PullMessagesRequest {
                    device_id: inbox.id.clone(),
                    after_sequence: after,
                    page_size: 1000,
                },
            ))
            .await
            .expect("pull after the recovery")
            .into_inner();
        if page.messages.is_empty() {
            break;
        }
        pulled.extend(page.messages);
    }
    let sequences: Vec<u64> = pulled.iter().map(|m| m.sequence).collect();
    assert_eq!(
        sequences,
        (1..=pulled.len() as u64).collect::<Vec<_>>(),
        "no gap and no repeat in the inbox's sequence"
    );
    let stored: BTreeSet<String> = pulled.into_iter().map(|m| m.logical_msg_id).collect();
    let lost: Vec<&String> = acknowledged.difference(&stored).collect();
    assert!(
        lost.is_empty(),
        "{} of {} acknowledged sends lost: {lost:?}",
        lost.len(),
        acknowledged.len()
    );
    h.suite.stop_member("messaging").await;
}
