//! Diesel table definitions, qualified by the Postgres schema that owns them, and each schema's
//! embedded migrations: one module per schema, generated from its migrations (`make schema`;
//! a test fails when they drift). A service reads and writes only its own schema; nothing
//! here crosses schemas (no foreign key, join or view between them). The kit declares the
//! tables every schema shares the shape of (`outbox`, `consumer_cursors`).

use diesel_migrations::EmbeddedMigrations;

pub mod identity;
pub mod intelligence;
pub mod messaging;
pub mod vault;

/// Every schema with its migrations, in dependency-free order.
pub fn all() -> [(&'static str, &'static EmbeddedMigrations); 4] {
    [
        (identity::SCHEMA, &identity::MIGRATIONS),
        (vault::SCHEMA, &vault::MIGRATIONS),
        (messaging::SCHEMA, &messaging::MIGRATIONS),
        (intelligence::SCHEMA, &intelligence::MIGRATIONS),
    ]
}

/// A fingerprint of every migration file: it changes whenever any migration does.
pub const MIGRATIONS_FINGERPRINT: &str = env!("TESSERA_MIGRATIONS_FINGERPRINT");
