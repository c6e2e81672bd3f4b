//! messaging's chat path, in one suite on a fresh database, the send limiter on but raised:
//!
//! - `send-1`: SendMessage from `concurrency` clients, each its own device in its own direct
//!   chat with a recipient of 1 device (one envelope of 256 bytes per message);
//! - `send-3`: the same with recipients of 3 devices (three envelopes per message);
//! - `deliver`: send -> subscriber latency at a fixed 1,000 messages a second in all, over 16
//!   sender -> recipient device pairs (each recipient's stream open), and how many stored
//!   messages never arrived. (One device's sends are serialised on its inbox row, which is what
//!   keeps its sequence in commit order: a single device takes a few hundred a second.)

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use ed25519_dalek::{Signer, SigningKey};
use tessera_kit::ratelimit::Rate;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::chat_service_client::ChatServiceClient;
use tessera_proto::tessera::messaging::v1::device_service_client::DeviceServiceClient;
use tessera_proto::tessera::messaging::v1::message_service_client::MessageServiceClient;
use tessera_testkit::suite::RunningSuite;
use tessera_testkit::{TestSuite, authed};
use tonic::transport::Channel;

use super::Settings;
use crate::{Report, run as load};

/// Bytes of ciphertext per envelope.
const BODY: usize = 256;
/// The fixed rate of `deliver`.
const RATE: u64 = 1000;
/// Device pairs sharing the `deliver` rate.
const DELIVER_SENDERS: usize = 16;

struct Device {
    id: String,
    identity: Vec<u8>,
    token: String,
}

/// Runs the messaging scenarios `settings` asks for.
pub async fn run(settings: &Settings) -> anyhow::Result<Vec<Report>> {
    let config = tessera_messaging::Config {
        // The limiter stays on (one upsert per send), raised far above the load.
        send_rate: Rate {
            burst: 1_000_000,
            period: Duration::from_secs(1),
        },
        ..tessera_messaging::Config::default()
    };
    let suite = TestSuite::new()
        .with(tessera_messaging::SPEC, move |ctx| {
            tessera_messaging::services(ctx, config)
        })
        .start()
        .await;
    let channel = suite.channel("messaging").await;
    let mut reports = Vec::new();
    for (name, devices) in [("send-1", 1), ("send-3", 3)] {
        if settings.wants(name) {
            let label = format!("SendMessage, {devices} recipient device(s), one chat per client");
            reports.push(sends(&suite, &channel, settings, &label, devices).await?);
        }
    }
    if settings.wants("deliver") {
        reports.push(deliver(&suite, &channel, settings.duration).await?);
    }
    Ok(reports)
}

async fn enroll(
    suite: &RunningSuite,
    channel: &Channel,
    name: &str,
    devices: usize,
) -> anyhow::Result<(String, Vec<Device>)> {
    let (user, token) = suite.identity.sign_up(name).await;
    let mut client = DeviceServiceClient::new(channel.clone());
    let mut enrolled = Vec::new();
    for _ in 0..devices {
        let identity = SigningKey::from_bytes(&rand_bytes());
        let signed_prekey = rand_bytes();
        let keys = pb::DeviceKeys {
            identity_key_type: pb::IdentityKeyType::Ed25519 as i32,
            identity_key: identity.verifying_key().to_bytes().to_vec(),
            last_resort_prekey: rand_bytes().to_vec(),
            signed_prekey: signed_prekey.to_vec(),
            signed_prekey_signature: identity.sign(&signed_prekey).to_bytes().to_vec(),
        };
        let device = client
            .enroll_device(authed(
                &token,
                pb::EnrollDeviceRequest {
                    keys: Some(keys),
                    ..Default::default()
                },
            ))
            .await?
            .into_inner()
            .device
            .ok_or_else(|| anyhow::anyhow!("no device"))?;
        enrolled.push(Device {
            id: device.id,
            identity: identity.verifying_key().to_bytes().to_vec(),
            token: token.clone(),
        });
    }
    Ok((user.id, enrolled))
}

fn rand_bytes() -> [u8; 32] {
    rand::random()
}

/// A sender's device, its chat, and the envelopes' recipients.
struct Pair {
    sender: Device,
    chat: String,
    recipients: Vec<Device>,
}

async fn pair(
    suite: &RunningSuite,
    channel: &Channel,
    name: &str,
    devices: usize,
) -> anyhow::Result<Pair> {
    let (_, mut senders) = enroll(suite, channel, &format!("{name}_s"), 1).await?;
    let (recipient, recipients) = enroll(suite, channel, &format!("{name}_r"), devices).await?;
    let sender = senders.remove(0);
    let chat = ChatServiceClient::new(channel.clone())
        .get_or_create_direct_chat(authed(
            &sender.token,
            pb::GetOrCreateDirectChatRequest { user_id: recipient },
        ))
        .await?
        .into_inner()
        .chat
        .map(|c| c.id)
        .unwrap_or_default();
    Ok(Pair {
        sender,
        chat,
        recipients,
    })
}

fn request(pair: &Pair, logical: String, body: Vec<u8>) -> tonic::Request<pb::SendMessageRequest> {
    authed(
        &pair.sender.token,
        pb::SendMessageRequest {
            chat_id: pair.chat.clone(),
            device_id: pair.sender.id.clone(),
            logical_msg_id: logical,
            envelopes: pair
                .recipients
                .iter()
                .map(|r| pb::Envelope {
                    to_device_id: r.id.clone(),
                    header: Some(pb::RatchetHeader {
                        dh_pubkey: vec![7; 32],
                        pn: 0,
                        n: 0,
                    }),
                    ciphertext: body.clone(),
                    identity_key: r.identity.clone(),
                })
                .collect(),
        },
    )
}

async fn sends(
    suite: &RunningSuite,
    channel: &Channel,
    settings: &Settings,
    label: &str,
    devices: usize,
) -> anyhow::Result<Report> {
    let mut pairs = Vec::new();
    for i in 0..settings.concurrency {
        pairs.push(pair(suite, channel, &format!("bench{devices}x{i}"), devices).await?);
    }
    let pairs = Arc::new(pairs);
    let counter = Arc::new(AtomicU64::new(0));
    let client = MessageServiceClient::new(channel.clone());
    Ok(load(
        label,
        settings.concurrency,
        settings.warmup,
        settings.duration,
        move |worker| {
            let pairs = pairs.clone();
            let n = counter.fetch_add(1, Ordering::Relaxed);
            let mut client = client.clone();
            async move {
                let request = request(&pairs[worker], format!("m{n}"), vec![1; BODY]);
                client.send_message(request).await.is_ok()
            }
        },
    )
    .await)
}

/// Send -> stream latency at a fixed total rate over [`DELIVER_SENDERS`] pairs of devices,
/// each recipient with its stream open; the body carries the send time.
async fn deliver(
    suite: &RunningSuite,
    channel: &Channel,
    duration: Duration,
) -> anyhow::Result<Report> {
    let mut pairs = Vec::new();
    for i in 0..DELIVER_SENDERS {
        pairs.push(pair(suite, channel, &format!("deliver{i}"), 1).await?);
    }
    let base = Instant::now();
    let total = (duration.as_secs_f64() * RATE as f64) as u64;
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
    let mut ticker = tokio::time::interval(Duration::from_micros(1_000_000 / RATE));
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
            "send -> subscriber, {RATE} msg/s over {DELIVER_SENDERS} device pairs (lost: {lost})"
        ),
        samples,
        elapsed,
    );
    report.errors = failed.load(Ordering::Relaxed);
    Ok(report)
}
