//! messaging's chat path, in one suite on a fresh database, the send limiter on but raised:
//!
//! - `send-1`: SendMessage from `concurrency` clients, each its own device in its own direct
//!   chat with a recipient of 1 device (one envelope of 256 bytes per message);
//! - `send-3`: the same with recipients of 3 devices (three envelopes per message);
//! - `hot`: `concurrency` senders, each in a direct chat with the same recipient, who has one
//!   device: every copy goes to one inbox;
//! - `group`: a group chat of 10 members with 2 devices each, every device sending (19
//!   envelopes per message);
//! - `deliver`, `deliver-5k`: send -> subscriber latency at a fixed 1,000 (5,000) messages a
//!   second in all, over 16 sender -> recipient device pairs (each recipient's stream open),
//!   and how many stored messages never arrived.
//!
//! With `--synchronous-commit off` the database acknowledges commits before they are flushed
//! (what an operator may choose): the scenarios run again so.

mod deliver;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

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

#[derive(Clone)]
struct Device {
    id: String,
    identity: Vec<u8>,
    token: String,
}

fn config((send_batch, send_writers): (Option<u16>, Option<u16>)) -> tessera_messaging::Config {
    let defaults = tessera_messaging::Config::default();
    tessera_messaging::Config {
        // The limiter stays on (one upsert per send), raised far above the load.
        send_rate: Rate {
            burst: 1_000_000,
            period: Duration::from_secs(1),
        },
        send_batch: send_batch.unwrap_or(defaults.send_batch),
        send_writers: send_writers.unwrap_or(defaults.send_writers),
        ..defaults
    }
}

/// Runs the messaging scenarios `settings` asks for.
pub async fn run(settings: &Settings) -> anyhow::Result<Vec<Report>> {
    let batch = (settings.send_batch, settings.send_writers);
    let mut suite = TestSuite::new()
        .with(tessera_messaging::SPEC, move |ctx| {
            tessera_messaging::services(ctx, config(batch))
        })
        .start()
        .await;
    let label = if settings.synchronous_commit_off {
        // New sessions of this database acknowledge before the flush: restart messaging.
        let db = suite.db().name().to_owned();
        suite
            .db()
            .client()
            .await
            .batch_execute(&format!("ALTER DATABASE {db} SET synchronous_commit = off"))
            .await?;
        suite.stop_member("messaging").await;
        suite
            .start_member(tessera_messaging::SPEC, move |ctx| {
                tessera_messaging::services(ctx, config(batch))
            })
            .await;
        ", synchronous_commit off"
    } else {
        ""
    };
    let batched = match batch {
        (None, None) => String::new(),
        (n, w) => format!(
            ", batches of {} by {} writers",
            n.unwrap_or(tessera_messaging::Config::default().send_batch),
            w.unwrap_or(tessera_messaging::Config::default().send_writers)
        ),
    };
    let label = format!("{label}{batched}");
    let label = label.as_str();
    let channel = suite.channel("messaging").await;
    let mut reports = Vec::new();
    for (name, devices) in [("send-1", 1), ("send-3", 3)] {
        if settings.wants(name) {
            let label =
                format!("SendMessage, {devices} recipient device(s), one chat per client{label}");
            reports.push(sends(&suite, &channel, settings, &label, devices).await?);
        }
    }
    if settings.wants("hot") {
        let label = format!(
            "SendMessage, {} senders to one device{label}",
            settings.concurrency
        );
        reports.push(hot(&suite, &channel, settings, &label).await?);
    }
    if settings.wants("group") {
        let label = format!("SendMessage, group of 10 x 2 devices, all sending{label}");
        reports.push(group(&suite, &channel, settings, &label).await?);
    }
    for (name, rate) in [("deliver", 1000), ("deliver-5k", 5000)] {
        if settings.wants(name) {
            let report = deliver::deliver(&suite, &channel, settings.duration, rate, label).await?;
            reports.push(report);
        }
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
    let chat = direct_chat(channel, &sender, &recipient).await?;
    Ok(Pair {
        sender,
        chat,
        recipients,
    })
}

/// The direct chat of `sender`'s user with the user `peer`.
async fn direct_chat(channel: &Channel, sender: &Device, peer: &str) -> anyhow::Result<String> {
    Ok(ChatServiceClient::new(channel.clone())
        .get_or_create_direct_chat(authed(
            &sender.token,
            pb::GetOrCreateDirectChatRequest {
                user_id: peer.to_owned(),
            },
        ))
        .await?
        .into_inner()
        .chat
        .map(|c| c.id)
        .unwrap_or_default())
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
    Ok(send_from(channel, settings, label, pairs).await)
}

/// Each of `senders` sends back to back from its own worker (one worker per sender).
async fn send_from(
    channel: &Channel,
    settings: &Settings,
    label: &str,
    senders: Vec<Pair>,
) -> Report {
    let workers = senders.len();
    let senders = Arc::new(senders);
    let counter = Arc::new(AtomicU64::new(0));
    let client = MessageServiceClient::new(channel.clone());
    load(
        label,
        workers,
        settings.warmup,
        settings.duration,
        move |worker| {
            let senders = senders.clone();
            let n = counter.fetch_add(1, Ordering::Relaxed);
            let mut client = client.clone();
            async move {
                let request = request(&senders[worker], format!("m{n}"), vec![1; BODY]);
                client.send_message(request).await.is_ok()
            }
        },
    )
    .await
}

/// `concurrency` senders, each in a direct chat with one recipient of one device.
async fn hot(
    suite: &RunningSuite,
    channel: &Channel,
    settings: &Settings,
    label: &str,
) -> anyhow::Result<Report> {
    let (recipient, inbox) = enroll(suite, channel, "hot_r", 1).await?;
    let inbox = Arc::new(inbox);
    let mut senders = Vec::new();
    for i in 0..settings.concurrency {
        let (_, mut devices) = enroll(suite, channel, &format!("hot_s{i}"), 1).await?;
        let sender = devices.remove(0);
        let chat = direct_chat(channel, &sender, &recipient).await?;
        senders.push(Pair {
            sender,
            chat,
            recipients: inbox.iter().map(Device::clone).collect(),
        });
    }
    Ok(send_from(channel, settings, label, senders).await)
}

/// A group chat of 10 members with 2 devices each; every device sends to the other 19.
async fn group(
    suite: &RunningSuite,
    channel: &Channel,
    settings: &Settings,
    label: &str,
) -> anyhow::Result<Report> {
    let mut members = Vec::new();
    for i in 0..10 {
        members.push(enroll(suite, channel, &format!("group{i}"), 2).await?);
    }
    let owner = &members[0].1[0];
    let chat = ChatServiceClient::new(channel.clone())
        .create_group_chat(authed(
            &owner.token,
            pb::CreateGroupChatRequest {
                name: "bench".into(),
                member_user_ids: members[1..].iter().map(|(user, _)| user.clone()).collect(),
            },
        ))
        .await?
        .into_inner()
        .chat
        .map(|c| c.id)
        .unwrap_or_default();
    let devices: Vec<Device> = members.into_iter().flat_map(|(_, d)| d).collect();
    let senders = devices
        .iter()
        .map(|sender| Pair {
            sender: sender.clone(),
            chat: chat.clone(),
            recipients: devices
                .iter()
                .filter(|d| d.id != sender.id)
                .cloned()
                .collect(),
        })
        .collect();
    Ok(send_from(channel, settings, label, senders).await)
}
