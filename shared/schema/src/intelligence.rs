//! `intelligence`: Tessera project-intelligence: projects, workspaces, snapshots, drift, activity, intelligence, deployments
//!
//! Generated from the schema's migrations by `make schema`; do not edit by hand.

use diesel_migrations::{EmbeddedMigrations, embed_migrations};

/// The Postgres schema name.
pub const SCHEMA: &str = "intelligence";
/// Its migrations, applied by the service that owns it.
pub static MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/intelligence");
