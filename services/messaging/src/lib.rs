//! The messaging service: end-to-end encrypted chat (devices, key bundles, fan-out,
//! real-time delivery) and the group forum.
//!
//! A library, so tests can start it in-process; `main.rs` only hands it to the kit's runner.

use tessera_kit::auth::Access;
use tessera_kit::runner::NoServiceConfig;
use tessera_kit::{Context, ServiceSpec, Services};

/// Name, schema, migrations and default port of the messaging service.
pub const SPEC: ServiceSpec = ServiceSpec {
    name: "messaging",
    schema: tessera_schema::messaging::SCHEMA,
    migrations: &tessera_schema::messaging::MIGRATIONS,
    default_port: 50053,
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

/// The gRPC services next to health and reflection. Its RPCs arrive with the chat and forum issues;
/// until then it serves health and reflection over a migrated schema and follows identity's account
/// deletions (it stores nothing per user yet).
pub fn services(ctx: &Context, _config: Config) -> anyhow::Result<Services> {
    ctx.on_account_deleted(tessera_kit::events::nothing_to_purge);
    Ok(ctx.services(ACCESS))
}
