//! `deliver`: send -> subscriber latency at a fixed rate over [`DELIVER_SENDERS`] device pairs,
//! each recipient's stream open, and how many stored messages never arrived.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::message_service_client::MessageServiceClient;
use tessera_testkit::authed;
use tessera_testkit::suite::RunningSuite;
use tonic::transport::Channel;

use super::{BODY, pair, request};
use crate::Report;

/// Device pairs sharing the rate.
const DELIVER_SENDERS: usize = 16;

/// Send -> stream latency at a fixed total rate over [`DELIVER_SENDERS`] pairs of devices,
/// each recipient with its stream open; the body carries the send time.
pub(super) async fn deliver(
    suite: &RunningSuite,
    channel: &Channel,
    duration: Duration,
    rate: u64,
    label: &str,
) -> anyhow::Result<Report> {
    let mut pairs = Vec::new();
    for i in 0..DELIVER_SENDERS {
        pairs.push(pair(suite, channel, &format!("deliver{rate}x{i}"), 1).await?);
    }
    let base = Instant::now();
    let total = (duration.as_secs_f64() * rate as f64) as u64;
    let received = Arc::new(AtomicU64::new(0));
    let samples = Arc::new(std::sync::Mutex::new(Vec::with_capacity(total as usize)));
    let stop = tokio_util::sync::CancellationToken::new();
    let mut readers = Vec::new();
    for pair in &pairs {
        let inbox = &pair.recipients[0];
        let mut stream = MessageServiceClient::new(channel.clone())
            .subscribe(authed(
                &inbox.token,
                pb::SubscribeRequest {
                    device_id: inbox.id.clone(),
                    after_sequence: None,
                },
            ))
            .await?
            .into_inner();
        let (received, samples, stop) = (received.clone(), samples.clone(), stop.clone());
        readers.push(tokio::spawn(async move {
            loop {
                let item = tokio::select! {
                    () = stop.cancelled() => return,
                    item = stream.message() => item,
                };
                let Ok(Some(item)) = item else { return };
                if let Some(pb::subscribe_response::Item::Message(m)) = item.item {
                    let sent = u64::from_le_bytes(m.ciphertext[..8].try_into().unwrap_or_default());
                    let latency = base.elapsed().saturating_sub(Duration::from_micros(sent));
                    samples
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(latency);
                    received.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    let pairs = Arc::new(pairs);
    let client = MessageServiceClient::new(channel.clone());
    let mut ticker = tokio::time::interval(Duration::from_micros(1_000_000 / rate));
    let mut tasks = Vec::with_capacity(total as usize);
    let failed = Arc::new(AtomicU64::new(0));
    let began = Instant::now();
    for n in 0..total {
        ticker.tick().await;
        let pairs = pairs.clone();
        let mut client = client.clone();
        let failed = failed.clone();
        tasks.push(tokio::spawn(async move {
            let mut body = (base.elapsed().as_micros() as u64).to_le_bytes().to_vec();
            body.resize(BODY, 0);
            let pair = &pairs[n as usize % DELIVER_SENDERS];
            if client
                .send_message(request(pair, format!("d{n}"), body))
                .await
                .is_err()
            {
                failed.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    for task in tasks {
        task.await?;
    }
    // Everything stored arrives, or is counted lost after 5 s.
    let stored = total - failed.load(Ordering::Relaxed);
    let deadline = Instant::now() + Duration::from_secs(5);
    while received.load(Ordering::Relaxed) < stored && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    // Measured: from the first send until the last message arrived (or the wait ended).
    let elapsed = began.elapsed();
    stop.cancel();
    for reader in readers {
        reader.await?;
    }
    let lost = stored.saturating_sub(received.load(Ordering::Relaxed));
    let samples = std::mem::take(&mut *samples.lock().unwrap_or_else(|e| e.into_inner()));
    let mut report = Report::from_samples(
        &format!(
            "send -> subscriber, {rate} msg/s over {DELIVER_SENDERS} device pairs (lost: {lost}){label}"
        ),
        samples,
        elapsed,
    );
    report.errors = failed.load(Ordering::Relaxed);
    Ok(report)
}
