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
    /// Per-group media usage, in-flight uploads included, and its limits.
    messaging.group_quotas (group_id) {
        group_id -> Uuid,
        total_bytes -> Int8,
        media_count -> Int4,
        max_bytes -> Int8,
        max_media_count -> Int4,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    /// Forum groups; the name is encrypted with the group key.
    messaging.groups (id) {
        id -> Uuid,
        encrypted_name -> Bytea,
        created_by -> Uuid,
        invite_code -> Varchar,
        /// The current group key's number; each rotation adds 1.
        key_epoch -> Int8,
        /// Set when a member left or was deleted without a rotation: posting waits for one.
        rotation_required -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// Encrypted media relayed for 7 days; the bytes are a vault-storage file.
    messaging.media (id) {
        id -> Uuid,
        thread_id -> Uuid,
        group_id -> Uuid,
        author_id -> Nullable<Uuid>,
        encrypted_metadata -> Bytea,
        storage_url -> Text,
        file_id -> Uuid,
        encryption_iv -> Bytea,
        size_bytes -> Int8,
        sha256 -> Bytea,
        key_epoch -> Int8,
        uploaded_at -> Timestamptz,
        expires_at -> Timestamptz,
    }
}

diesel::table! {
    /// Durable queue of vault-storage files to delete.
    messaging.media_deletions (file_id) {
        file_id -> Uuid,
        attempts -> Int4,
        next_attempt_at -> Timestamptz,
        last_error -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// Who downloaded which media first, and when.
    messaging.media_downloads (media_id, user_id) {
        media_id -> Uuid,
        user_id -> Uuid,
        downloaded_at -> Timestamptz,
    }
}

diesel::table! {
    /// Quota reservations of uploads in flight.
    messaging.media_uploads (id) {
        id -> Uuid,
        group_id -> Uuid,
        thread_id -> Uuid,
        user_id -> Uuid,
        size_bytes -> Int8,
        vault_upload_id -> Nullable<Uuid>,
        started_at -> Timestamptz,
        lease_expires_at -> Timestamptz,
    }
}

diesel::table! {
    /// Every epoch's wrapped group key a member holds (older posts stay readable).
    messaging.member_keys (group_id, user_id, key_epoch) {
        group_id -> Uuid,
        user_id -> Uuid,
        key_epoch -> Int8,
        encrypted_group_key -> Bytea,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// Membership, with the member's wrapped copy of the current group key.
    messaging.members (group_id, user_id) {
        group_id -> Uuid,
        user_id -> Uuid,
        encrypted_group_key -> Bytea,
        key_epoch -> Int8,
        joined_at -> Timestamptz,
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
    /// Replies to a thread; the body encrypted with the key of epoch key_epoch.
    messaging.replies (id) {
        id -> Uuid,
        thread_id -> Uuid,
        author_id -> Nullable<Uuid>,
        encrypted_body -> Bytea,
        key_epoch -> Int8,
        created_at -> Timestamptz,
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

diesel::table! {
    /// Threads of a group; title and body encrypted with the key of epoch key_epoch.
    messaging.threads (id) {
        id -> Uuid,
        group_id -> Uuid,
        author_id -> Nullable<Uuid>,
        encrypted_title -> Bytea,
        encrypted_body -> Bytea,
        key_epoch -> Int8,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(chat_members -> chats (chat_id));
diesel::joinable!(device_inboxes -> devices (device_id));
diesel::joinable!(group_quotas -> groups (group_id));
diesel::joinable!(media -> groups (group_id));
diesel::joinable!(media -> threads (thread_id));
diesel::joinable!(media_downloads -> media (media_id));
diesel::joinable!(members -> groups (group_id));
diesel::joinable!(replies -> threads (thread_id));
diesel::joinable!(sessions -> chats (chat_id));
diesel::joinable!(threads -> groups (group_id));

diesel::allow_tables_to_appear_in_same_query!(
    chat_members,
    chats,
    device_inboxes,
    devices,
    group_quotas,
    groups,
    media,
    media_deletions,
    media_downloads,
    media_uploads,
    member_keys,
    members,
    messages,
    pending_sessions,
    rate_limits,
    replies,
    sessions,
    threads
);
