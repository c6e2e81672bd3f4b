//! The identity service: users, sign-in, sessions, API keys and token introspection for the suite.
//!
//! A library, so tests can start it in-process; `main.rs` only hands it to the kit's runner.

use tessera_kit::runner::NoServiceConfig;
use tessera_kit::{Context, ServiceSpec, Services};

/// Name, schema, migrations and default port of the identity service.
pub const SPEC: ServiceSpec = ServiceSpec {
    name: "identity",
    schema: tessera_schema::identity::SCHEMA,
    migrations: &tessera_schema::identity::MIGRATIONS,
    default_port: 50051,
};

/// The service's own settings (none yet beyond the common ones).
pub type Config = NoServiceConfig;

/// The gRPC services this binary serves next to health and reflection. Its APIs arrive with
/// their feature issues; until then it serves health and reflection over a migrated schema.
pub fn services(_ctx: &Context, _config: Config) -> anyhow::Result<Services> {
    Ok(Services::new())
}
