//! identity in-process for tests: a manual clock, an in-memory mail sender, a known service
//! credential, and helpers that sign users up and build clients.

use std::sync::Arc;

use tessera_identity::config::{Config, Secret};
use tessera_identity::magic_link::MemorySender;
use tessera_kit::auth::ServiceCredentials;
use tessera_kit::clock::Clock;
use tessera_kit::keyring::KeyRing;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::account_service_client::AccountServiceClient;
use tessera_proto::tessera::identity::v1::anti_replay_service_client::AntiReplayServiceClient;
use tessera_proto::tessera::identity::v1::introspection_service_client::IntrospectionServiceClient;
use tessera_proto::tessera::identity::v1::session_service_client::SessionServiceClient;
use tessera_proto::tessera::identity::v1::sign_in_service_client::SignInServiceClient;
use tonic::transport::Channel;

use crate::{TestDb, TestService};

/// The service credential every test identity accepts (as the service `tests`).
pub const SERVICE_TOKEN: &str = "tsvc_test_messaging_0123456789abcdef";
/// The password `sign_up` gives every user.
pub const PASSWORD: &str = "correct horse battery staple";

/// How a test identity is configured: its own settings and its key ring.
#[derive(Debug, Clone)]
pub struct IdentitySetup {
    /// identity's own settings.
    pub config: Config,
    /// `TESSERA_KEY_RING`.
    pub key_ring: KeyRing,
    /// Further services allowed to call identity's internal RPCs (name, token).
    pub services: Vec<(String, String)>,
}

/// The key ring tests start with: `k1` only.
pub fn key_ring_k1() -> String {
    format!("k1:{}", "MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE=")
}

/// The default setup.
pub fn setup() -> IdentitySetup {
    setup_with_ring(&key_ring_k1())
}

/// The default setup with another key ring.
pub fn setup_with_ring(ring: &str) -> IdentitySetup {
    IdentitySetup {
        config: Config {
            identity_secret: Some(Secret(vec![7; 32])),
            magic_link_url: "https://app.tessera.test/magic".into(),
            device_verification_uri: "https://app.tessera.test/device".into(),
            security_event_retention: std::time::Duration::from_secs(90 * 86_400),
            password_memory_kib: 19_456,
            password_iterations: 2,
        },
        key_ring: KeyRing::parse(ring).expect("key ring"),
        services: Vec::new(),
    }
}

/// identity running in-process.
#[derive(Debug)]
pub struct TestIdentity {
    /// Its database (shared with the rest of a suite).
    pub db: TestDb,
    /// The running service.
    pub service: TestService,
    /// Its clock, for moving time.
    pub clock: Clock,
    /// What it mailed.
    pub mail: MemorySender,
    /// A connected channel.
    pub channel: Channel,
}

impl TestIdentity {
    /// identity on a fresh database with the default setup.
    pub async fn start() -> Self {
        Self::start_with(TestDb::new().await, setup()).await
    }

    /// identity on `db` (possibly one another instance used before) with `setup`.
    pub async fn start_with(db: TestDb, setup: IdentitySetup) -> Self {
        let clock = Clock::manual();
        let mail = MemorySender::default();
        let environment = tessera_identity::Environment {
            clock: clock.clone(),
            sender: Arc::new(mail.clone()),
        };
        let mut common = db.config();
        let credentials: Vec<(&str, &str)> = std::iter::once(("tests", SERVICE_TOKEN))
            .chain(setup.services.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .collect();
        common.internal_credentials = ServiceCredentials::from_tokens(credentials);
        common.key_ring = Some(setup.key_ring);
        let config = setup.config;
        let service = TestService::start(tessera_identity::SPEC, common, move |ctx| {
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

    /// `AccountService`.
    pub fn accounts(&self) -> AccountServiceClient<Channel> {
        AccountServiceClient::new(self.channel.clone())
    }
    /// `SignInService`.
    pub fn sign_in(&self) -> SignInServiceClient<Channel> {
        SignInServiceClient::new(self.channel.clone())
    }
    /// `SessionService`.
    pub fn sessions(&self) -> SessionServiceClient<Channel> {
        SessionServiceClient::new(self.channel.clone())
    }
    /// `IntrospectionService`.
    pub fn introspection(&self) -> IntrospectionServiceClient<Channel> {
        IntrospectionServiceClient::new(self.channel.clone())
    }
    /// `AntiReplayService`.
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

    /// The single `bigint` a query returns (counts).
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
