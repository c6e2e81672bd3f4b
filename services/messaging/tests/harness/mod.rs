//! messaging in a test suite (identity beside it, real gRPC): users, devices with real keys
//! (Ed25519 and XEdDSA signatures), chats, sends, and counts read from the database.

pub mod xeddsa;

use std::time::Duration;

use ed25519_dalek::{Signer, SigningKey};
use tessera_kit::ratelimit::Rate;
use tessera_messaging::Config;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::chat_service_client::ChatServiceClient;
use tessera_proto::tessera::messaging::v1::device_service_client::DeviceServiceClient;
use tessera_proto::tessera::messaging::v1::handshake_service_client::HandshakeServiceClient;
use tessera_proto::tessera::messaging::v1::key_bundle_service_client::KeyBundleServiceClient;
use tessera_proto::tessera::messaging::v1::message_service_client::MessageServiceClient;
use tessera_testkit::suite::RunningSuite;
use tessera_testkit::{TestSuite, authed};
use tonic::transport::Channel;

pub struct Harness {
    pub suite: RunningSuite,
    pub config: Config,
}

/// A signed-up user.
#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub token: String,
}

/// An enrolled device and its identity key.
#[derive(Debug, Clone)]
pub struct Device {
    pub id: String,
    pub identity: SigningKey,
    pub owner: User,
}

impl Device {
    pub fn identity_key(&self) -> Vec<u8> {
        self.identity.verifying_key().to_bytes().to_vec()
    }
}

/// Limits far above what tests reach, unless a test is about them; fast heartbeats.
pub fn config() -> Config {
    Config {
        send_rate: Rate {
            burst: 100_000,
            period: Duration::from_secs(1),
        },
        bundle_rate: Rate {
            burst: 100_000,
            period: Duration::from_secs(1),
        },
        heartbeat: Duration::from_millis(300),
        ..Config::default()
    }
}

impl Harness {
    pub async fn start() -> Self {
        Self::with_config(config()).await
    }

    pub async fn with_config(config: Config) -> Self {
        Self::on(TestSuite::new(), config).await
    }

    /// On the server at `admin_url` (a private cluster the test controls).
    pub async fn on_server(admin_url: &str, config: Config) -> Self {
        Self::on(TestSuite::new().on_server(admin_url), config).await
    }

    async fn on(suite: TestSuite, config: Config) -> Self {
        let for_service = config.clone();
        let suite = suite
            .with(tessera_messaging::SPEC, move |ctx| {
                tessera_messaging::services(ctx, for_service)
            })
            .start()
            .await;
        Self { suite, config }
    }

    /// Starts a second messaging instance on the same database.
    pub async fn add_replica(&mut self) {
        let config = self.config.clone();
        self.suite
            .start_member(tessera_messaging::SPEC, move |ctx| {
                tessera_messaging::services(ctx, config)
            })
            .await;
    }

    /// Starts messaging again after `suite.stop_member("messaging")`.
    pub async fn restart_stopped(&mut self) {
        let config = self.config.clone();
        self.suite
            .start_member(tessera_messaging::SPEC, move |ctx| {
                tessera_messaging::services(ctx, config)
            })
            .await;
    }

    /// A channel to the `i`-th messaging instance.
    pub async fn replica(&self, i: usize) -> Channel {
        self.suite.replicas("messaging")[i].channel().await
    }

    pub async fn devices(&self) -> DeviceServiceClient<Channel> {
        DeviceServiceClient::new(self.suite.channel("messaging").await)
    }

    pub async fn bundles(&self) -> KeyBundleServiceClient<Channel> {
        KeyBundleServiceClient::new(self.suite.channel("messaging").await)
    }

    pub async fn chats(&self) -> ChatServiceClient<Channel> {
        ChatServiceClient::new(self.suite.channel("messaging").await)
    }

    pub async fn messages(&self) -> MessageServiceClient<Channel> {
        MessageServiceClient::new(self.suite.channel("messaging").await)
    }

    pub async fn handshakes(&self) -> HandshakeServiceClient<Channel> {
        HandshakeServiceClient::new(self.suite.channel("messaging").await)
    }

    pub async fn user(&self, name: &str) -> User {
        let (user, token) = self.suite.identity.sign_up(name).await;
        User { id: user.id, token }
    }

    /// Enrols a device of `user` with `prekeys` one-time prekeys (ids 1..=prekeys).
    pub async fn enroll(&self, user: &User, prekeys: u64) -> Device {
        let (identity, keys) = ed25519_keys();
        let response = self
            .devices()
            .await
            .enroll_device(authed(
                &user.token,
                pb::EnrollDeviceRequest {
                    keys: Some(keys),
                    one_time_prekeys: prekeys_from(1, prekeys),
                    ..Default::default()
                },
            ))
            .await
            .expect("enroll")
            .into_inner();
        Device {
            id: response.device.expect("device").id,
            identity,
            owner: user.clone(),
        }
    }

    /// The direct chat of `a` with `b`.
    pub async fn direct_chat(&self, a: &User, b: &User) -> String {
        self.chats()
            .await
            .get_or_create_direct_chat(authed(
                &a.token,
                pb::GetOrCreateDirectChatRequest {
                    user_id: b.id.clone(),
                },
            ))
            .await
            .expect("direct chat")
            .into_inner()
            .chat
            .expect("chat")
            .id
    }

    /// Sends `body` from `from` to every other device in `chat`, as the chat lists them.
    pub async fn send(
        &self,
        from: &Device,
        chat: &str,
        logical: &str,
        body: &[u8],
    ) -> Result<pb::SendMessageResponse, tonic::Status> {
        let envelopes = self.envelopes(from, chat, body).await;
        self.messages()
            .await
            .send_message(authed(
                &from.owner.token,
                pb::SendMessageRequest {
                    chat_id: chat.into(),
                    device_id: from.id.clone(),
                    logical_msg_id: logical.into(),
                    envelopes,
                },
            ))
            .await
            .map(|r| r.into_inner())
    }

    /// One envelope of `body` per device of `chat` other than `from`.
    pub async fn envelopes(&self, from: &Device, chat: &str, body: &[u8]) -> Vec<pb::Envelope> {
        let devices = self
            .chats()
            .await
            .list_chat_devices(authed(
                &from.owner.token,
                pb::ListChatDevicesRequest {
                    chat_id: chat.into(),
                },
            ))
            .await
            .expect("chat devices")
            .into_inner()
            .devices;
        devices
            .into_iter()
            .filter(|d| d.device_id != from.id)
            .map(|d| envelope(&d.device_id, &d.identity_key, body))
            .collect()
    }

    /// The single `bigint` a query returns.
    pub async fn count(&self, sql: &str) -> i64 {
        self.suite.identity.count(sql).await
    }

    /// Rows of every messaging table, to show that a refusal changed nothing.
    pub async fn snapshot(&self) -> std::collections::BTreeMap<String, String> {
        // Every table's rows (key material included) but what moves by itself: the event
        // consumer's cursor, and rate-limit buckets the sweeper prunes once they have refilled.
        self.suite
            .db()
            .fingerprint("messaging", &["consumer_cursors", "rate_limits"])
            .await
    }
}

/// A fresh Ed25519 identity key and device keys signed with it.
pub fn ed25519_keys() -> (SigningKey, pb::DeviceKeys) {
    let identity = SigningKey::from_bytes(&rand::random());
    let signed_prekey: [u8; 32] = rand::random();
    let keys = pb::DeviceKeys {
        identity_key_type: pb::IdentityKeyType::Ed25519 as i32,
        identity_key: identity.verifying_key().to_bytes().to_vec(),
        last_resort_prekey: rand::random::<[u8; 32]>().to_vec(),
        signed_prekey: signed_prekey.to_vec(),
        signed_prekey_signature: identity.sign(&signed_prekey).to_bytes().to_vec(),
    };
    (identity, keys)
}

/// `n` one-time prekeys with ids from `first`.
pub fn prekeys_from(first: u64, n: u64) -> Vec<pb::Prekey> {
    (first..first + n)
        .map(|id| pb::Prekey {
            id,
            key: rand::random::<[u8; 32]>().to_vec(),
        })
        .collect()
}

/// An envelope of `body` for `device` under `identity_key`.
pub fn envelope(device: &str, identity_key: &[u8], body: &[u8]) -> pb::Envelope {
    pb::Envelope {
        to_device_id: device.into(),
        header: Some(pb::RatchetHeader {
            dh_pubkey: vec![7; 32],
            pn: 1,
            n: 2,
        }),
        ciphertext: body.to_vec(),
        identity_key: identity_key.to_vec(),
    }
}

/// A delivery stream.
pub type Stream = tonic::Streaming<pb::SubscribeResponse>;
pub use pb::subscribe_response::Item;

impl Harness {
    /// Opens `device`'s delivery stream on the first instance.
    pub async fn subscribe(&self, device: &Device, after: Option<u64>) -> Stream {
        subscribe_on(self.suite.channel("messaging").await, device, after).await
    }
}

/// Opens `device`'s delivery stream on `channel`.
pub async fn subscribe_on(channel: Channel, device: &Device, after: Option<u64>) -> Stream {
    MessageServiceClient::new(channel)
        .subscribe(authed(
            &device.owner.token,
            pb::SubscribeRequest {
                device_id: device.id.clone(),
                after_sequence: after,
            },
        ))
        .await
        .expect("subscribe")
        .into_inner()
}

/// The next item, or the status that ended the stream (panics after 10 s of silence).
pub async fn next(stream: &mut Stream) -> Result<Item, tonic::Status> {
    let item = tokio::time::timeout(Duration::from_secs(10), stream.message())
        .await
        .expect("an item within 10 s")?;
    Ok(item
        .and_then(|i| i.item)
        .expect("the stream ended without a status"))
}

/// The next message, skipping heartbeats and live events.
pub async fn next_message(stream: &mut Stream) -> pb::Message {
    loop {
        match next(stream).await.expect("no error") {
            Item::Message(message) => return message,
            Item::CaughtUp(_) | Item::Heartbeat(_) => {}
            Item::DeviceEvent(_) | Item::SessionEvent(_) | Item::KeysLow(_) => {}
        }
    }
}
