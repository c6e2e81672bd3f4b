//! `vault`: Tessera vault-storage: zero-knowledge vault, storage volumes and drivers, quotas, content-addressed blobs
//!
//! Generated from the schema's migrations by `make schema`; do not edit by hand.

use diesel_migrations::{EmbeddedMigrations, embed_migrations};

/// The Postgres schema name.
pub const SCHEMA: &str = "vault";
/// Its migrations, applied by the service that owns it.
pub static MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/vault");
