//! The identity service: users, sign-in, sessions, introspection and anti-replay tokens for the
//! whole suite.
//!
//! A library, so tests can start it in-process; `main.rs` only hands it to the kit's runner.

pub mod api;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod error;
pub mod service;
pub mod store;
pub mod throttle;
pub mod validate;

use std::time::Duration;

use tessera_kit::{Context, ServiceSpec, Services};
use tessera_proto::tessera::identity::v1::account_service_server::AccountServiceServer;
use tessera_proto::tessera::identity::v1::anti_replay_service_server::AntiReplayServiceServer;
use tessera_proto::tessera::identity::v1::event_service_server::EventServiceServer;
use tessera_proto::tessera::identity::v1::introspection_service_server::IntrospectionServiceServer;
use tessera_proto::tessera::identity::v1::session_service_server::SessionServiceServer;
use tessera_proto::tessera::identity::v1::sign_in_service_server::SignInServiceServer;

pub use config::Config;

use crate::clock::Clock;
use crate::crypto::HashCost;
use crate::service::Identity;

/// Name, schema, migrations and default port of the identity service.
pub const SPEC: ServiceSpec = ServiceSpec {
    name: "identity",
    schema: tessera_schema::identity::SCHEMA,
    migrations: &tessera_schema::identity::MIGRATIONS,
    default_port: 50051,
};

/// How often expired anti-replay claims are deleted.
const SWEEP_INTERVAL: Duration = Duration::from_secs(3600);

/// The gRPC services of the identity binary, on the system clock.
pub fn services(ctx: &Context, config: Config) -> anyhow::Result<Services> {
    services_with_clock(ctx, config, Clock::System)
}

/// The gRPC services, with a given clock (tests move it).
pub fn services_with_clock(
    ctx: &Context,
    config: Config,
    clock: Clock,
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
    let cost = HashCost {
        memory_kib: config.password_memory_kib,
        iterations: config.password_iterations,
    };
    let identity = Identity::new(
        ctx.db.clone(),
        clock,
        cost,
        secret,
        config.internal_credentials,
    )?;

    let sweeper = identity.clone();
    let shutdown = ctx.shutdown.clone();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                () = shutdown.cancelled() => return,
                () = tokio::time::sleep(SWEEP_INTERVAL) => {}
            }
            match sweeper.sweep_claims().await {
                Ok(n) => tracing::debug!(deleted = n, "swept anti-replay claims"),
                Err(err) => tracing::warn!(error = %err, "sweeping anti-replay claims failed"),
            }
        }
    });

    let max = ctx.config.max_message_bytes as usize;
    Ok(Services::new()
        .with_service(
            AccountServiceServer::new(api::AccountApi(identity.clone()))
                .max_decoding_message_size(max)
                .max_encoding_message_size(max),
        )
        .with_service(
            SignInServiceServer::new(api::SignInApi(identity.clone()))
                .max_decoding_message_size(max)
                .max_encoding_message_size(max),
        )
        .with_service(
            SessionServiceServer::new(api::SessionApi(identity.clone()))
                .max_decoding_message_size(max)
                .max_encoding_message_size(max),
        )
        .with_service(
            IntrospectionServiceServer::new(api::IntrospectionApi(identity.clone()))
                .max_decoding_message_size(max)
                .max_encoding_message_size(max),
        )
        .with_service(
            EventServiceServer::new(api::EventApi {
                identity: identity.clone(),
                shutdown: ctx.shutdown.clone(),
            })
            .max_decoding_message_size(max)
            .max_encoding_message_size(max),
        )
        .with_service(
            AntiReplayServiceServer::new(api::AntiReplayApi(identity))
                .max_decoding_message_size(max)
                .max_encoding_message_size(max),
        ))
}
