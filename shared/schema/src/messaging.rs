//! `messaging`: Tessera messaging: E2EE chat (devices, key bundles, messages) and the E2EE group forum
//!
//! Generated from the schema's migrations by `make schema`; do not edit by hand.

use diesel_migrations::{EmbeddedMigrations, embed_migrations};

/// The Postgres schema name.
pub const SCHEMA: &str = "messaging";
/// Its migrations, applied by the service that owns it.
pub static MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/messaging");
