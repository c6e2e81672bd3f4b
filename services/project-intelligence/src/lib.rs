//! The project-intelligence service: projects, env vars, workspaces, snapshots, drift,
//! activity and conversations (the core); AI suggestions, action items, the knowledge graph
//! and deployments are to come.
//!
//! A library, so tests can start it in-process; `main.rs` only hands it to the kit's runner.

pub mod activity;
pub mod blobs;
pub mod config;
pub mod conversations;
pub mod drift;
pub mod env_vars;
pub mod ids;
pub mod projects;
pub mod purge;
pub mod snapshots;
pub mod state;
pub mod sweeper;
pub mod workspaces;

use tessera_kit::auth::Access;
use tessera_kit::clock::Clock;
use tessera_kit::{Context, ServiceSpec, Services};
use tessera_proto::tessera::intelligence::v1::activity_service_server::ActivityServiceServer;
use tessera_proto::tessera::intelligence::v1::conversation_service_server::ConversationServiceServer;
use tessera_proto::tessera::intelligence::v1::drift_service_server::DriftServiceServer;
use tessera_proto::tessera::intelligence::v1::env_var_export_service_server::EnvVarExportServiceServer;
use tessera_proto::tessera::intelligence::v1::env_var_service_server::EnvVarServiceServer;
use tessera_proto::tessera::intelligence::v1::project_service_server::ProjectServiceServer;
use tessera_proto::tessera::intelligence::v1::snapshot_service_server::SnapshotServiceServer;
use tessera_proto::tessera::intelligence::v1::workspace_service_server::WorkspaceServiceServer;

pub use config::Config;

/// Name, schema, migrations and default port of the project-intelligence service.
pub const SPEC: ServiceSpec = ServiceSpec {
    name: "project-intelligence",
    schema: tessera_schema::intelligence::SCHEMA,
    migrations: &tessera_schema::intelligence::MIGRATIONS,
    default_port: 50054,
};

/// Who may call what: every RPC acts for a signed-in user on their own projects, except the
/// env var export, which Tessera services (deployers) call with a service credential.
pub const ACCESS: Access = Access {
    public: &[],
    internal: &["tessera.intelligence.v1.EnvVarExportService"],
    operator: &[],
    open: &[],
};

/// The gRPC services next to health and reflection.
pub fn services(ctx: &Context, config: Config) -> anyhow::Result<Services> {
    services_on(ctx, config, Clock::System)
}

/// [`services`] on `clock` (tests move it to expire previews).
pub fn services_on(ctx: &Context, config: Config, clock: Clock) -> anyhow::Result<Services> {
    ctx.on_account_deleted(purge::purge_account);
    if ctx.config.key_ring.is_none() {
        tracing::warn!("TESSERA_KEY_RING is not set: secret env vars are unavailable");
    }
    let intel = state::Intel::new(ctx, config, clock)?;
    sweeper::start(ctx, intel.clone());
    Ok(ctx
        .services(ACCESS)
        .with(ProjectServiceServer::new(projects::ProjectApi(
            intel.clone(),
        )))
        .with(EnvVarServiceServer::new(env_vars::EnvVarApi(intel.clone())))
        .with(EnvVarExportServiceServer::new(env_vars::EnvVarExportApi(
            intel.clone(),
        )))
        .with(WorkspaceServiceServer::new(workspaces::WorkspaceApi(
            intel.clone(),
        )))
        .with(SnapshotServiceServer::new(snapshots::SnapshotApi(
            intel.clone(),
        )))
        .with(DriftServiceServer::new(drift::api::DriftApi(intel.clone())))
        .with(ActivityServiceServer::new(activity::ActivityApi(
            intel.clone(),
        )))
        .with(ConversationServiceServer::new(
            conversations::ConversationApi(intel),
        )))
}
