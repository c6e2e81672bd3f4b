//! `identity`: Tessera identity: users, sign-in, sessions, API keys, anti-replay tokens, account events
//!
//! Generated from the schema's migrations by `make schema`; do not edit by hand.

use diesel_migrations::{EmbeddedMigrations, embed_migrations};

/// The Postgres schema name.
pub const SCHEMA: &str = "identity";
/// Its migrations, applied by the service that owns it.
pub static MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/identity");

diesel::table! {
    /// Magic-link codes (hashes only).
    identity.auth_codes (id) {
        id -> Uuid,
        email -> Text,
        code_hash -> Bytea,
        /// Wrong guesses, from anywhere, while the code was live.
        attempts -> Int4,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
        /// The client address that requested the code, when known.
        client_address -> Nullable<Text>,
        /// Wrong guesses from the client address that requested the code.
        requester_attempts -> Int4,
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
    /// Failure counters for throttling, per subject.
    identity.throttles (subject) {
        subject -> Text,
        failures -> Int4,
        lockouts -> Int4,
        locked_until -> Nullable<Timestamptz>,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    /// Claimed one-time tokens (anti-replay).
    identity.used_tokens (token) {
        token -> Text,
        used_at -> Timestamptz,
    }
}

diesel::table! {
    /// Users' provider API keys, sealed under the key ring.
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

diesel::joinable!(device_codes -> users (user_id));
diesel::joinable!(security_events -> users (user_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(user_api_keys -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    auth_codes,
    device_codes,
    security_events,
    sessions,
    throttles,
    used_tokens,
    user_api_keys,
    users
);
