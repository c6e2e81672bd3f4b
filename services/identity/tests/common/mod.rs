//! Starts identity in-process on a fresh database, with a manual clock and a known service
//! credential, and builds clients.
#![allow(dead_code)]

use std::sync::Arc;

use tessera_identity::clock::Clock;
use tessera_identity::config::{Config, InternalCredential, Secret};
use tessera_identity::crypto::token_hash;
use tessera_identity::keyring::KeyRing;
use tessera_identity::magic_link::MemorySender;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::account_service_client::AccountServiceClient;
use tessera_proto::tessera::identity::v1::anti_replay_service_client::AntiReplayServiceClient;
use tessera_proto::tessera::identity::v1::introspection_service_client::IntrospectionServiceClient;
use tessera_proto::tessera::identity::v1::session_service_client::SessionServiceClient;
use tessera_proto::tessera::identity::v1::sign_in_service_client::SignInServiceClient;
use tessera_testkit::{TestDb, TestService};
use tonic::transport::Channel;

/// The service credential the test identity accepts.
pub const SERVICE_TOKEN: &str = "tsvc_test_messaging_0123456789abcdef";
pub const PASSWORD: &str = "correct horse battery staple";

pub struct Identity {
    pub db: TestDb,
    pub service: TestService,
    pub clock: Clock,
    pub mail: MemorySender,
    pub channel: Channel,
}

/// The key ring tests start with: `k1` only.
pub fn key_ring_k1() -> String {
    format!("k1:{}", "MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE=")
}

pub fn config() -> Config {
    config_with_ring(&key_ring_k1())
}

pub fn config_with_ring(ring: &str) -> Config {
    Config {
        identity_secret: Some(Secret(vec![7; 32])),
        internal_credentials: vec![InternalCredential {
            name: "messaging".into(),
            token_sha256: token_hash(SERVICE_TOKEN),
        }],
        key_ring: Some(KeyRing::parse(ring).expect("key ring")),
        magic_link_url: "https://app.tessera.test/magic".into(),
        device_verification_uri: "https://app.tessera.test/device".into(),
        security_event_retention: std::time::Duration::from_secs(90 * 86_400),
        password_memory_kib: 19_456,
        password_iterations: 2,
    }
}

impl Identity {
    pub async fn start() -> Self {
        Self::start_with(TestDb::new().await, config()).await
    }

    /// Starts identity on `db` (possibly one another instance used before) with `config`.
    pub async fn start_with(db: TestDb, config: Config) -> Self {
        let clock = Clock::manual();
        let mail = MemorySender::default();
        let environment = tessera_identity::Environment {
            clock: clock.clone(),
            sender: Arc::new(mail.clone()),
        };
        let service = TestService::start(tessera_identity::SPEC, db.config(), move |ctx| {
            tessera_identity::services_with(ctx, config, environment)
        })
        .await;
        let channel = service.channel().await;
        Self {
            db,
            service,
            clock,
            mail,
            channel,
        }
    }

    /// Stops the service, keeping its database.
    pub async fn stop(self) -> TestDb {
        self.service.stop().await.expect("clean stop");
        self.db
    }

    pub fn accounts(&self) -> AccountServiceClient<Channel> {
        AccountServiceClient::new(self.channel.clone())
    }
    pub fn sign_in(&self) -> SignInServiceClient<Channel> {
        SignInServiceClient::new(self.channel.clone())
    }
    pub fn sessions(&self) -> SessionServiceClient<Channel> {
        SessionServiceClient::new(self.channel.clone())
    }
    pub fn introspection(&self) -> IntrospectionServiceClient<Channel> {
        IntrospectionServiceClient::new(self.channel.clone())
    }
    pub fn anti_replay(&self) -> AntiReplayServiceClient<Channel> {
        AntiReplayServiceClient::new(self.channel.clone())
    }

    /// Signs up `name` (as username and name@example.com) and returns (user, token).
    pub async fn sign_up(&self, name: &str) -> (pb::User, String) {
        let response = self
            .accounts()
            .create_account(pb::CreateAccountRequest {
                email: format!("{name}@example.com"),
                username: name.to_owned(),
                password: PASSWORD.to_owned(),
                client_description: "test".into(),
                ..Default::default()
            })
            .await
            .expect("sign up")
            .into_inner();
        (
            response.user.expect("user"),
            response.session.expect("session").token,
        )
    }

    pub async fn count(&self, sql: &str) -> i64 {
        self.db
            .client()
            .await
            .query_one(sql, &[])
            .await
            .expect("count")
            .get(0)
    }
}

/// A request carrying `authorization: Bearer <token>`.
pub fn authed<T>(token: &str, message: T) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    request.metadata_mut().insert(
        "authorization",
        format!("Bearer {token}").parse().expect("metadata"),
    );
    request
}

/// The ErrorInfo reason of a status.
pub fn reason(status: &tonic::Status) -> String {
    use tonic_types::StatusExt;
    status
        .get_details_error_info()
        .map(|i| i.reason)
        .unwrap_or_default()
}

/// The fields named by a status's BadRequest.
pub fn bad_fields(status: &tonic::Status) -> Vec<String> {
    use tonic_types::StatusExt;
    status
        .get_details_bad_request()
        .map(|b| b.field_violations.into_iter().map(|v| v.field).collect())
        .unwrap_or_default()
}
