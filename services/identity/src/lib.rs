//! The identity service: users, sign-in, sessions, introspection and anti-replay tokens for the
//! whole suite.
//!
//! A library, so tests can start it in-process; `main.rs` only hands it to the kit's runner.

pub mod api;
pub mod api_keys;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod device;
pub mod error;
pub mod keyring;
pub mod magic_link;
pub mod security_log;
pub mod service;
pub mod store;
pub mod throttle;
pub mod validate;

use std::sync::Arc;
use std::time::Duration;

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

use crate::clock::Clock;
use crate::crypto::HashCost;
use crate::magic_link::MagicLinkSender;
use crate::service::{Identity, Options};

/// Name, schema, migrations and default port of the identity service.
pub const SPEC: ServiceSpec = ServiceSpec {
    name: "identity",
    schema: tessera_schema::identity::SCHEMA,
    migrations: &tessera_schema::identity::MIGRATIONS,
    default_port: 50051,
};

/// How often expired claims, security events and device codes are cleaned up.
const SWEEP_INTERVAL: Duration = Duration::from_secs(3600);

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
    if config.key_ring.is_none() {
        tracing::warn!("TESSERA_KEY_RING is not set: the API key RPCs are unavailable");
    }
    let options = Options {
        cost: HashCost {
            memory_kib: config.password_memory_kib,
            iterations: config.password_iterations,
        },
        secret,
        internal: config.internal_credentials,
        key_ring: config.key_ring,
        sender: environment.sender,
        magic_link_url: config.magic_link_url,
        device_verification_uri: config.device_verification_uri,
        security_event_retention: config.security_event_retention,
    };
    let identity = Identity::new(ctx.db.clone(), environment.clock, options)?;

    let maintenance = identity.clone();
    let shutdown = ctx.shutdown.clone();
    let started = ctx.clone();
    tokio::spawn(async move {
        // The schema must be migrated before anything here touches it.
        if !started.wait_until_ready().await {
            return;
        }
        match maintenance.rotate_api_keys().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(rotated = n, "re-encrypted API keys under the primary key"),
            Err(err) => tracing::warn!(error = %err, "re-encrypting API keys failed"),
        }
        loop {
            tokio::select! {
                () = shutdown.cancelled() => return,
                () = tokio::time::sleep(SWEEP_INTERVAL) => {}
            }
            match maintenance.sweep().await {
                Ok(n) => tracing::debug!(deleted = n, "swept expired claims and security events"),
                Err(err) => tracing::warn!(error = %err, "sweeping expired rows failed"),
            }
        }
    });

    let max = ctx.config.max_message_bytes as usize;
    macro_rules! limited {
        ($server:expr) => {
            $server
                .max_decoding_message_size(max)
                .max_encoding_message_size(max)
        };
    }
    Ok(Services::new()
        .with_service(limited!(AccountServiceServer::new(api::AccountApi(
            identity.clone()
        ))))
        .with_service(limited!(SignInServiceServer::new(api::SignInApi(
            identity.clone()
        ))))
        .with_service(limited!(SessionServiceServer::new(api::SessionApi(
            identity.clone()
        ))))
        .with_service(limited!(ApiKeyServiceServer::new(api::ApiKeyApi(
            identity.clone()
        ))))
        .with_service(limited!(SecurityEventServiceServer::new(
            api::SecurityEventApi(identity.clone())
        )))
        .with_service(limited!(IntrospectionServiceServer::new(
            api::IntrospectionApi(identity.clone())
        )))
        .with_service(limited!(EventServiceServer::new(api::EventApi {
            identity: identity.clone(),
            shutdown: ctx.shutdown.clone()
        })))
        .with_service(limited!(ApiKeyVaultServiceServer::new(
            api::ApiKeyVaultApi(identity.clone())
        )))
        .with_service(limited!(AntiReplayServiceServer::new(api::AntiReplayApi(
            identity
        )))))
}
