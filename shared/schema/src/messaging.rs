//! `messaging`: Tessera messaging: E2EE chat (devices, key bundles, messages) and the E2EE group forum
//!
//! Generated from the schema's migrations by `make schema`; do not edit by hand.

use diesel_migrations::{EmbeddedMigrations, embed_migrations};

/// The Postgres schema name.
pub const SCHEMA: &str = "messaging";
/// Its migrations, applied by the service that owns it.
pub static MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/messaging");

diesel::table! {
    /// Group chat membership (direct chats use user_a and user_b).
    messaging.chat_members (chat_id, user_id) {
        chat_id -> Uuid,
        user_id -> Uuid,
        role -> Text,
        joined_at -> Timestamptz,
    }
}

diesel::table! {
    /// Conversations: direct (user_a < user_b) or group (members in chat_members).
    messaging.chats (id) {
        id -> Uuid,
        chat_type -> Text,
        user_a -> Nullable<Uuid>,
        user_b -> Nullable<Uuid>,
        name -> Nullable<Text>,
        owner_id -> Nullable<Uuid>,
        last_message_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    /// Each device's message sequence, acknowledged cursor and current delivery stream.
    messaging.device_inboxes (device_id) {
        device_id -> Uuid,
        last_seq -> Int8,
        acked_seq -> Int8,
        /// The one live delivery stream of the device; a newer one replaces it.
        stream_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    /// A user's devices and their public keys (X3DH bundle parts).
    messaging.devices (id) {
        id -> Uuid,
        user_id -> Uuid,
        /// ed25519, or x25519 (signatures are XEdDSA).
        identity_key_type -> Text,
        identity_pubkey -> Bytea,
        /// The last-resort prekey, handed out when no one-time prekey is left.
        prekey_pubkey -> Bytea,
        signed_prekey_pub -> Bytea,
        signed_prekey_sig -> Bytea,
        /// Unclaimed one-time prekeys, oldest first: [{"id": n, "key": base64}].
        one_time_prekeys -> Jsonb,
        /// Highest one-time prekey id ever uploaded: new ids must be above it, so none is reused.
        last_prekey_id -> Int8,
        device_label -> Nullable<Text>,
        /// Write-only: never returned.
        push_token -> Nullable<Text>,
        last_seen -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// One row per recipient device of a message (fan-out); ciphertext only.
    messaging.messages (id) {
        id -> Uuid,
        logical_msg_id -> Text,
        chat_id -> Uuid,
        from_user_id -> Uuid,
        from_device_id -> Uuid,
        to_user_id -> Uuid,
        to_device_id -> Uuid,
        /// The recipient device's sequence number: increasing in commit order.
        seq -> Int8,
        /// Double Ratchet header: {"dh_pubkey": base64, "pn": n, "n": n}.
        header -> Jsonb,
        ciphertext -> Bytea,
        delivered_at -> Nullable<Timestamptz>,
        read_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// X3DH handshakes: initiated -> responded -> completed, never back.
    messaging.pending_sessions (id) {
        id -> Uuid,
        sender_device_id -> Uuid,
        recipient_device_id -> Uuid,
        ephemeral_pubkey -> Bytea,
        /// The initiator's identity key (IK_A).
        sender_prekey_pub -> Bytea,
        /// The recipient prekey the initiator used (one-time, or the last-resort prekey).
        otpk_used -> Bytea,
        ciphertext -> Bytea,
        created_at -> Timestamptz,
        state -> Text,
    }
}

diesel::table! {
    /// Rate limit state (GCRA): a key is allowed while tat - now is within its burst.
    messaging.rate_limits (key) {
        key -> Text,
        tat -> Timestamptz,
    }
}

diesel::table! {
    /// Double Ratchet session metadata between two devices; never keys.
    messaging.sessions (id) {
        id -> Uuid,
        chat_id -> Uuid,
        sender_device_id -> Uuid,
        receiver_device_id -> Uuid,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(chat_members -> chats (chat_id));
diesel::joinable!(device_inboxes -> devices (device_id));
diesel::joinable!(sessions -> chats (chat_id));

diesel::allow_tables_to_appear_in_same_query!(
    chat_members,
    chats,
    device_inboxes,
    devices,
    messages,
    pending_sessions,
    rate_limits,
    sessions
);
