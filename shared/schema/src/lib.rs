//! Diesel table definitions, qualified by the Postgres schema that owns them, and each schema's
//! embedded migrations. A service reads and writes only its own schema; nothing here crosses
//! schemas (no foreign key, join or view between them).

use diesel_migrations::{EmbeddedMigrations, embed_migrations};

/// `identity`: users, sign-in, sessions, API keys, anti-replay tokens.
pub mod identity {
    use super::*;

    /// The Postgres schema name.
    pub const SCHEMA: &str = "identity";
    /// Its migrations, applied by the identity service.
    pub static MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/identity");
}

/// `vault`: the zero-knowledge vault, storage volumes, quotas, blobs.
pub mod vault {
    use super::*;

    /// The Postgres schema name.
    pub const SCHEMA: &str = "vault";
    /// Its migrations, applied by the vault-storage service.
    pub static MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/vault");
}

/// `messaging`: E2EE chat and the group forum.
pub mod messaging {
    use super::*;

    /// The Postgres schema name.
    pub const SCHEMA: &str = "messaging";
    /// Its migrations, applied by the messaging service.
    pub static MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/messaging");
}

/// `intelligence`: projects, snapshots, activity, intelligence, deployments.
pub mod intelligence {
    use super::*;

    /// The Postgres schema name.
    pub const SCHEMA: &str = "intelligence";
    /// Its migrations, applied by the project-intelligence service.
    pub static MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/intelligence");
}

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
