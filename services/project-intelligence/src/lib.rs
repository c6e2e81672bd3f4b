//! The project-intelligence service: projects, env vars, workspaces, snapshots, drift,
//! activity and conversations (the core); next steps, decisions, action items and their run
//! queue; the Atlas knowledge graph with hybrid search; infrastructure and deployments.
//!
//! A library, so tests can start it in-process; `main.rs` only hands it to the kit's runner.

pub mod actions;
pub mod activity;
pub mod atlas;
pub mod blobs;
pub mod config;
pub mod conversations;
pub mod decisions;
pub mod drift;
pub mod env_vars;
pub mod ids;
pub mod infra;
pub mod input;
pub mod next_steps;
pub mod projects;
pub mod purge;
pub mod snapshots;
pub mod state;
pub mod sweeper;
pub mod workspaces;

use tessera_kit::auth::Access;
use tessera_kit::clock::Clock;
use tessera_kit::{Context, ServiceSpec, Services};
use tessera_proto::tessera::intelligence::v1::action_item_service_server::ActionItemServiceServer;
use tessera_proto::tessera::intelligence::v1::action_run_service_server::ActionRunServiceServer;
use tessera_proto::tessera::intelligence::v1::activity_service_server::ActivityServiceServer;
use tessera_proto::tessera::intelligence::v1::atlas_search_service_server::AtlasSearchServiceServer;
use tessera_proto::tessera::intelligence::v1::atlas_service_server::AtlasServiceServer;
use tessera_proto::tessera::intelligence::v1::conversation_service_server::ConversationServiceServer;
use tessera_proto::tessera::intelligence::v1::decision_service_server::DecisionServiceServer;
use tessera_proto::tessera::intelligence::v1::deployment_service_server::DeploymentServiceServer;
use tessera_proto::tessera::intelligence::v1::drift_service_server::DriftServiceServer;
use tessera_proto::tessera::intelligence::v1::env_var_export_service_server::EnvVarExportServiceServer;
use tessera_proto::tessera::intelligence::v1::env_var_service_server::EnvVarServiceServer;
use tessera_proto::tessera::intelligence::v1::infrastructure_service_server::InfrastructureServiceServer;
use tessera_proto::tessera::intelligence::v1::next_step_service_server::NextStepServiceServer;
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
/// env var export, which Tessera services (deployers) call with a service credential, and the
/// run queue's worker side, which worker services call with theirs.
pub const ACCESS: Access = Access {
    public: &[],
    internal: &[
        "tessera.intelligence.v1.EnvVarExportService",
        "tessera.intelligence.v1.ActionRunService",
    ],
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
    sweeper::start_leases(ctx, intel.clone());
    // LISTEN from start-up, so the first waiting claim does not wait for the LISTEN itself.
    drop(ctx.notifier.subscribe(actions::queue::CHANNEL));
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
            conversations::ConversationApi(intel.clone()),
        ))
        .with(NextStepServiceServer::new(next_steps::NextStepApi(
            intel.clone(),
        )))
        .with(DecisionServiceServer::new(decisions::DecisionApi(
            intel.clone(),
        )))
        .with(ActionItemServiceServer::new(actions::ActionItemApi(
            intel.clone(),
        )))
        .with(ActionRunServiceServer::new(actions::worker::ActionRunApi(
            intel.clone(),
        )))
        .with(AtlasServiceServer::new(atlas::api::AtlasApi(intel.clone())))
        .with(AtlasSearchServiceServer::new(
            atlas::search::AtlasSearchApi(intel.clone()),
        ))
        .with(InfrastructureServiceServer::new(infra::InfrastructureApi(
            intel.clone(),
        )))
        .with(DeploymentServiceServer::new(
            infra::deployments::DeploymentApi(intel),
        )))
}
