//! The vault-storage service: the zero-knowledge vault, the multi-backend Storage Service
//! (volumes, drivers, quotas, streamed files) and content-addressed blobs.
//!
//! A library, so tests can start it in-process; `main.rs` only hands it to the kit's runner.

pub mod drivers;
pub mod host_paths;
pub mod ids;
pub mod layout;
pub mod paths;
pub mod quotas;
pub mod secrets;

use tessera_kit::auth::Access;
use tessera_kit::runner::NoServiceConfig;
use tessera_kit::{Context, ServiceSpec, Services};

/// Name, schema, migrations and default port of the vault-storage service.
pub const SPEC: ServiceSpec = ServiceSpec {
    name: "vault-storage",
    schema: tessera_schema::vault::SCHEMA,
    migrations: &tessera_schema::vault::MIGRATIONS,
    default_port: 50052,
};

/// Who may call what: every RPC needs a user's session unless listed here.
pub const ACCESS: Access = Access {
    public: &[],
    internal: &[],
};

/// Settings of its own (none yet beyond the common ones).
pub type Config = NoServiceConfig;

/// The gRPC services next to health and reflection. Its RPCs arrive with the Storage Service and
/// vault issues; until then it serves health and reflection over a migrated schema and follows
/// identity's account deletions (it stores nothing per user yet).
pub fn services(ctx: &Context, _config: Config) -> anyhow::Result<Services> {
    ctx.on_account_deleted(tessera_kit::events::nothing_to_purge);
    secrets::start(ctx);
    Ok(ctx.services(ACCESS))
}
