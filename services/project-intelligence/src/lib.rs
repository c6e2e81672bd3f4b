//! The project-intelligence service: projects, workspaces, snapshots, drift, activity, AI
//! suggestions, action items, the knowledge graph and deployments.
//!
//! A library, so tests can start it in-process; `main.rs` only hands it to the kit's runner.

pub mod drift;

use tessera_kit::auth::Access;
use tessera_kit::runner::NoServiceConfig;
use tessera_kit::{Context, ServiceSpec, Services};

/// Name, schema, migrations and default port of the project-intelligence service.
pub const SPEC: ServiceSpec = ServiceSpec {
    name: "project-intelligence",
    schema: tessera_schema::intelligence::SCHEMA,
    migrations: &tessera_schema::intelligence::MIGRATIONS,
    default_port: 50054,
};

/// Who may call what: every RPC needs a user's session unless listed here.
pub const ACCESS: Access = Access {
    public: &[],
    internal: &[],
    operator: &[],
    open: &[],
};

/// Settings of its own (none yet beyond the common ones).
pub type Config = NoServiceConfig;

/// The gRPC services next to health and reflection. Its RPCs arrive with the project-intelligence
/// issues; until then it serves health and reflection over a migrated schema and follows identity's
/// account deletions (it stores nothing per user yet).
pub fn services(ctx: &Context, _config: Config) -> anyhow::Result<Services> {
    ctx.on_account_deleted(tessera_kit::events::nothing_to_purge);
    Ok(ctx.services(ACCESS))
}
