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

    diesel::table! {
        /// The suite's users.
        identity.users (id) {
            id -> Uuid,
            email -> Nullable<Text>,
            username -> Nullable<Text>,
            display_name -> Text,
            picture_url -> Text,
            password_hash -> Nullable<Text>,
            kdf_params -> Nullable<Jsonb>,
            public_key -> Nullable<Jsonb>,
            subscription_tier -> Text,
            created_at -> Timestamptz,
            updated_at -> Timestamptz,
        }
    }

    diesel::table! {
        /// Bearer sessions (token hashes only).
        identity.sessions (id) {
            id -> Uuid,
            user_id -> Uuid,
            token_hash -> Bytea,
            client_description -> Text,
            created_at -> Timestamptz,
            last_used_at -> Timestamptz,
            expires_at -> Timestamptz,
            revoked_at -> Nullable<Timestamptz>,
        }
    }

    diesel::table! {
        /// Claimed one-time tokens.
        identity.used_tokens (token) {
            token -> Text,
            used_at -> Timestamptz,
        }
    }

    diesel::table! {
        /// Sign-in failure counters.
        identity.throttles (subject) {
            subject -> Text,
            failures -> Int4,
            lockouts -> Int4,
            locked_until -> Nullable<Timestamptz>,
            updated_at -> Timestamptz,
        }
    }

    diesel::table! {
        /// Magic-link codes (hashes only).
        identity.auth_codes (id) {
            id -> Uuid,
            email -> Text,
            code_hash -> Bytea,
            attempts -> Int4,
            created_at -> Timestamptz,
            expires_at -> Timestamptz,
            used_at -> Nullable<Timestamptz>,
        }
    }

    diesel::table! {
        /// RFC 8628 device authorizations.
        identity.device_codes (id) {
            id -> Uuid,
            device_code_hash -> Bytea,
            user_code -> Text,
            user_id -> Nullable<Uuid>,
            status -> Text,
            client_description -> Text,
            interval_seconds -> Int4,
            last_polled_at -> Nullable<Timestamptz>,
            created_at -> Timestamptz,
            expires_at -> Timestamptz,
        }
    }

    diesel::table! {
        /// Users' provider API keys, encrypted.
        identity.user_api_keys (id) {
            id -> Uuid,
            user_id -> Uuid,
            provider -> Text,
            key_name -> Text,
            key_value -> Text,
            key_hint -> Text,
            created_at -> Timestamptz,
            updated_at -> Timestamptz,
        }
    }

    diesel::table! {
        /// Security events per user.
        identity.security_events (id) {
            id -> Uuid,
            user_id -> Uuid,
            kind -> Text,
            client_address -> Nullable<Text>,
            detail -> Text,
            occurred_at -> Timestamptz,
        }
    }

    diesel::joinable!(sessions -> users (user_id));
    diesel::allow_tables_to_appear_in_same_query!(users, sessions);
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
