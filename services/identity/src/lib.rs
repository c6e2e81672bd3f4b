//! The identity service: users, sign-in, sessions, API keys, introspection and anti-replay
//! tokens for the whole suite.
//!
//! A library, so tests can start it in-process; `main.rs` only hands it to the kit's runner.
//! Each resource family is a module with three layers: `api` (protobuf in and out), `domain`
//! (rules, on [`Identity`]) and `store` (the only place that speaks Diesel). See
//! `docs/ARCHITECTURE.md`.

pub mod accounts;
pub mod anti_replay;
pub mod api_keys;
pub mod config;
pub mod crypto;
pub mod device;
pub mod error;
pub mod events;
mod hasher;
pub mod ids;
pub mod magic_link;
pub mod maintenance;
pub mod security_log;
pub mod sessions;
pub mod sign_in;
pub mod state;
pub mod throttle;
pub mod validate;

use std::sync::Arc;

use tessera_kit::auth::Access;
use tessera_kit::clock::Clock;
use tessera_kit::{Context, ServiceSpec, Services};
use tessera_proto::tessera::identity::v1::account_service_server::AccountServiceServer;
use tessera_proto::tessera::identity::v1::anti_replay_service_server::AntiReplayServiceServer;
use tessera_proto::tessera::identity::v1::api_key_service_server::ApiKeyServiceServer;
use tessera_proto::tessera::identity::v1::api_key_vault_service_server::ApiKeyVaultServiceServer;
use tessera_proto::tessera::identity::v1::event_service_server::EventServiceServer;
use tessera_proto::tessera::identity::v1::introspection_service_server::IntrospectionServiceServer;
use tessera_proto::tessera::identity::v1::security_event_service_server::SecurityEventServiceServer;
use tessera_proto::tessera::identity::v1::session_service_server::SessionServiceServer;
use tessera_proto::tessera::identity::v1::sign_in_service_server::SignInServiceServer;

pub use config::Config;
pub use state::{Identity, Options};

use crate::crypto::HashCost;
use crate::magic_link::MagicLinkSender;
use crate::sessions::LocalResolver;

/// Name, schema, migrations and default port of the identity service.
pub const SPEC: ServiceSpec = ServiceSpec {
    name: "identity",
    schema: tessera_schema::identity::SCHEMA,
    migrations: &tessera_schema::identity::MIGRATIONS,
    default_port: 50051,
};

/// Who may call what: sign-up and sign-in are public, the services' RPCs internal, every
/// other RPC needs the user's session.
pub const ACCESS: Access = Access {
    public: &[
        "tessera.identity.v1.AccountService/CreateAccount",
        "tessera.identity.v1.SignInService/Prelogin",
        "tessera.identity.v1.SignInService/SignInWithPassword",
        "tessera.identity.v1.SignInService/RequestMagicLink",
        "tessera.identity.v1.SignInService/VerifyMagicLink",
        "tessera.identity.v1.SignInService/StartDeviceAuthorization",
        "tessera.identity.v1.SignInService/PollDeviceAuthorization",
    ],
    internal: &[
        "tessera.identity.v1.IntrospectionService",
        "tessera.identity.v1.EventService",
        "tessera.identity.v1.ApiKeyVaultService",
        "tessera.identity.v1.AntiReplayService",
    ],
    operator: &[],
    open: &[],
};

/// What tests swap out: the clock and the magic-link sender.
#[derive(Debug, Clone)]
pub struct Environment {
    /// Where "now" comes from.
    pub clock: Clock,
    /// Delivers magic links.
    pub sender: Arc<dyn MagicLinkSender>,
}

/// The gRPC services of the identity binary: system clock, development mail sender.
pub fn services(ctx: &Context, config: Config) -> anyhow::Result<Services> {
    let environment = Environment {
        clock: Clock::System,
        sender: Arc::new(magic_link::LogSender),
    };
    services_with(ctx, config, environment)
}

/// The gRPC services in a given environment.
pub fn services_with(
    ctx: &Context,
    config: Config,
    environment: Environment,
) -> anyhow::Result<Services> {
    let secret = match config.identity_secret {
        Some(secret) => secret.0,
        None => {
            tracing::warn!(
                "TESSERA_IDENTITY_SECRET is not set: using a random secret (development only)"
            );
            rand::random::<[u8; 32]>().to_vec()
        }
    };
    if ctx.config.key_ring.is_none() {
        tracing::warn!("TESSERA_KEY_RING is not set: the API key RPCs are unavailable");
    }
    let options = Options {
        cost: HashCost {
            memory_kib: config.password_memory_kib,
            iterations: config.password_iterations,
        },
        secret,
        key_ring: ctx.config.key_ring.clone(),
        sender: environment.sender,
        magic_link_url: config.magic_link_url,
        device_verification_uri: config.device_verification_uri,
        security_event_retention: config.security_event_retention,
    };
    let identity = Identity::new(ctx.db.clone(), environment.clock, options)?;
    maintenance::start(identity.clone(), ctx);

    Ok(ctx
        .services(ACCESS)
        .resolve_users_with(Arc::new(LocalResolver(identity.clone())))
        .with(AccountServiceServer::new(accounts::api::AccountApi(
            identity.clone(),
        )))
        .with(SignInServiceServer::new(sign_in::api::SignInApi(
            identity.clone(),
        )))
        .with(SessionServiceServer::new(sessions::api::SessionApi(
            identity.clone(),
        )))
        .with(ApiKeyServiceServer::new(api_keys::api::ApiKeyApi(
            identity.clone(),
        )))
        .with(SecurityEventServiceServer::new(
            security_log::api::SecurityEventApi(identity.clone()),
        ))
        .with(IntrospectionServiceServer::new(
            sessions::api::IntrospectionApi(identity.clone()),
        ))
        .with(EventServiceServer::new(events::api::EventApi(ctx.outbox())))
        .with(ApiKeyVaultServiceServer::new(
            api_keys::api::ApiKeyVaultApi(identity.clone()),
        ))
        .with(AntiReplayServiceServer::new(
            anti_replay::api::AntiReplayApi(identity),
        )))
}
