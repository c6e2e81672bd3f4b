//! The project-intelligence service: projects, snapshots, activity, intelligence and deployments.
//!
//! A library, so tests can start it in-process; `main.rs` only hands it to the kit's runner.

mod purge;

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

/// Who may call what. Every RPC needs a user's session unless listed here; the feature issues
/// list their public and internal RPCs.
pub const ACCESS: Access = Access {
    public: &[],
    internal: &[],
};

/// The service's own settings (none yet beyond the common ones).
pub type Config = NoServiceConfig;

/// The gRPC services this binary serves next to health and reflection. Its APIs arrive with
/// their feature issues; until then it serves health and reflection over a migrated schema,
/// and follows identity's account deletions.
pub fn services(ctx: &Context, _config: Config) -> anyhow::Result<Services> {
    ctx.on_account_deleted(purge::account_deleted);
    Ok(ctx.services(ACCESS))
}
