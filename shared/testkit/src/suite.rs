//! Any set of services in-process on one fresh database, wired to each other over real gRPC on
//! ephemeral ports: identity first, then each member with identity's address, its own service
//! credential (which identity and every member accept), and the test key ring.
//!
//! ```ignore
//! let suite = TestSuite::new().with(messaging::SPEC, messaging::test_services).start().await;
//! let (alice, token) = suite.identity.sign_up("alice").await;
//! let channel = suite.channel("messaging").await;
//! ```

use tessera_kit::auth::ServiceCredentials;
use tessera_kit::config::SecretValue;
use tessera_kit::{Context, ServiceSpec, Services};
use tonic::transport::Channel;

use crate::identity::{IdentitySetup, SERVICE_TOKEN, TestIdentity, setup};
use crate::{TestDb, TestService};

type Build = Box<dyn FnOnce(&Context) -> anyhow::Result<Services> + Send>;

/// Builds a [`TestSuite`].
pub struct TestSuite {
    setup: IdentitySetup,
    members: Vec<(ServiceSpec, Build)>,
    /// Members started later with [`RunningSuite::start_member`], whose credentials every
    /// member accepts from the start.
    later: Vec<&'static str>,
    /// Another server than the tests' own (see [`TestDb::on`]).
    server: Option<String>,
}

impl std::fmt::Debug for TestSuite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<_> = self.members.iter().map(|(spec, _)| spec.name).collect();
        f.debug_struct("TestSuite")
            .field("members", &names)
            .finish()
    }
}

/// The started services. Dropping it stops them all and drops the database.
#[derive(Debug)]
pub struct RunningSuite {
    /// The members, by name (dropped before identity and its database).
    members: Vec<(&'static str, TestService)>,
    /// Every member's credential, accepted by every member.
    credentials: ServiceCredentials,
    key_ring: tessera_kit::keyring::KeyRing,
    /// identity, which owns the suite's database.
    pub identity: TestIdentity,
}

impl Default for TestSuite {
    fn default() -> Self {
        Self::new()
    }
}

/// The operator credential every member of a suite accepts for its administration RPCs.
pub const OPERATOR_TOKEN: &str = "topr_test_operator_0123456789abcdef";

/// The service credential a suite gives the member `name`.
pub fn service_token(name: &str) -> String {
    format!("tsvc_test_{name}_0123456789abcdef")
}

impl TestSuite {
    /// identity alone, with the default test setup.
    pub fn new() -> Self {
        Self {
            setup: setup(),
            members: Vec::new(),
            later: Vec::new(),
            server: None,
        }
    }

    /// Runs the suite on the server at `admin_url` instead of the tests' own.
    pub fn on_server(mut self, admin_url: &str) -> Self {
        self.server = Some(admin_url.to_owned());
        self
    }

    /// identity with `setup` instead.
    pub fn identity_setup(mut self, setup: IdentitySetup) -> Self {
        self.setup = setup;
        self
    }

    /// Adds a member service built by `build`.
    pub fn with<B>(mut self, spec: ServiceSpec, build: B) -> Self
    where
        B: FnOnce(&Context) -> anyhow::Result<Services> + Send + 'static,
    {
        self.members.push((spec, Box::new(build)));
        self
    }

    /// Accepts the credential of `name`, a member the test starts later (when it needs what
    /// the others are, such as their addresses) with [`RunningSuite::start_member`].
    pub fn later(mut self, name: &'static str) -> Self {
        self.later.push(name);
        self
    }

    /// Starts identity, then every member, on one fresh database.
    pub async fn start(self) -> RunningSuite {
        let Self {
            mut setup,
            members,
            later,
            server,
        } = self;
        let tokens: Vec<(String, String)> = members
            .iter()
            .map(|(spec, _)| spec.name)
            .chain(later)
            .map(|name| (name.to_owned(), service_token(name)))
            .collect();
        setup.services.extend(tokens.iter().cloned());
        let key_ring = setup.key_ring.clone();
        let db = match &server {
            Some(server) => TestDb::on(server).await,
            None => TestDb::new().await,
        };
        let identity = TestIdentity::start_with(db, setup).await;
        let credentials = ServiceCredentials::from_tokens(
            std::iter::once(("tests", SERVICE_TOKEN))
                .chain(tokens.iter().map(|(n, t)| (n.as_str(), t.as_str()))),
        );
        let mut suite = RunningSuite {
            members: Vec::new(),
            credentials,
            key_ring,
            identity,
        };
        for (spec, build) in members {
            suite.start_member(spec, build).await;
        }
        suite
    }
}

impl RunningSuite {
    /// Starts a member (again, after [`RunningSuite::stop_member`]) on the suite's database,
    /// wired like the others. Its credential must be one the suite was built with.
    pub async fn start_member<B>(&mut self, spec: ServiceSpec, build: B)
    where
        B: FnOnce(&Context) -> anyhow::Result<Services> + Send + 'static,
    {
        let mut config = self.identity.db.config();
        config.identity_url = Some(self.identity.service.uri());
        config.service_token =
            Some(SecretValue::parse(&service_token(spec.name)).expect("a valid token"));
        config.internal_credentials = self.credentials.clone();
        config.operator_credentials = ServiceCredentials::from_tokens([("tests", OPERATOR_TOKEN)]);
        config.key_ring = Some(self.key_ring.clone());
        let service = TestService::start(spec, config, build).await;
        self.members.push((spec.name, service));
    }

    /// Gives members started from now on `ring` as their `TESSERA_KEY_RING` (a rotation:
    /// stop a member, change the ring, start it again).
    pub fn set_key_ring(&mut self, ring: &str) {
        self.key_ring = tessera_kit::keyring::KeyRing::parse(ring).expect("a valid key ring");
    }

    /// Stops the member `name` as SIGTERM would.
    pub async fn stop_member(&mut self, name: &str) {
        let index = self
            .members
            .iter()
            .position(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("{name} is not running in this suite"));
        let (_, service) = self.members.remove(index);
        service.stop().await.expect("a clean stop");
    }

    /// The running member `name`.
    pub fn service(&self, name: &str) -> &TestService {
        self.members
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, service)| service)
            .unwrap_or_else(|| panic!("{name} is not a member of this suite"))
    }

    /// Every running instance of the member `name`, in start order (start a second replica
    /// on the same database with [`RunningSuite::start_member`]).
    pub fn replicas(&self, name: &str) -> Vec<&TestService> {
        self.members
            .iter()
            .filter(|(n, _)| *n == name)
            .map(|(_, service)| service)
            .collect()
    }

    /// A connected channel to the member `name`.
    pub async fn channel(&self, name: &str) -> Channel {
        self.service(name).channel().await
    }

    /// The suite's database.
    pub fn db(&self) -> &TestDb {
        &self.identity.db
    }
}
