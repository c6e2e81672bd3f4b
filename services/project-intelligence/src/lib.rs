//! The project-intelligence service: projects, snapshots, activity, intelligence and deployments.
//!
//! A library, so tests can start it in-process; `main.rs` only hands it to the kit's runner.

use tessera_kit::runner::NoServiceConfig;
use tessera_kit::{Context, ServiceSpec, Services};

/// Name, schema, migrations and default port of the project-intelligence service.
pub const SPEC: ServiceSpec = ServiceSpec {
    name: "project-intelligence",
    schema: tessera_schema::intelligence::SCHEMA,
    migrations: &tessera_schema::intelligence::MIGRATIONS,
    default_port: 50054,
};

/// The service's own settings (none yet beyond the common ones).
pub type Config = NoServiceConfig;

/// The gRPC services this binary serves next to health and reflection. Its APIs arrive with
/// their feature issues; until then it serves health and reflection over a migrated schema.
pub fn services(_ctx: &Context, _config: Config) -> anyhow::Result<Services> {
    Ok(Services::new())
}
