-- HushNet's end-to-end encrypted chat (seed 003). The server keeps public keys, signatures,
-- ciphertext and who-talks-to-whom; never a private key, a ratchet key or a plaintext. Users
-- live in identity, so user ids are plain uuid columns. The seed's NOTIFY triggers became
-- notifications sent by the code (ids only), its user_devices_view the key-bundle RPC.

CREATE TABLE messaging.devices (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL,
    identity_key_type text NOT NULL DEFAULT 'ed25519',
    identity_pubkey bytea NOT NULL,
    prekey_pubkey bytea NOT NULL,
    signed_prekey_pub bytea NOT NULL,
    signed_prekey_sig bytea NOT NULL,
    one_time_prekeys jsonb NOT NULL DEFAULT '[]',
    last_prekey_id bigint NOT NULL DEFAULT 0,
    device_label text,
    push_token text,
    last_seen timestamptz DEFAULT now(),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT devices_user_id_identity_pubkey_key UNIQUE (user_id, identity_pubkey),
    CONSTRAINT devices_identity_key_type CHECK (identity_key_type IN ('ed25519', 'x25519')),
    CONSTRAINT devices_identity_pubkey_length CHECK (octet_length(identity_pubkey) = 32),
    CONSTRAINT devices_prekey_pubkey_length CHECK (octet_length(prekey_pubkey) = 32),
    CONSTRAINT devices_signed_prekey_pub_length CHECK (octet_length(signed_prekey_pub) = 32),
    CONSTRAINT devices_signed_prekey_sig_length CHECK (octet_length(signed_prekey_sig) = 64),
    CONSTRAINT devices_one_time_prekeys_array CHECK (
        jsonb_typeof(one_time_prekeys) = 'array' AND jsonb_array_length(one_time_prekeys) <= 1000),
    CONSTRAINT devices_last_prekey_id CHECK (last_prekey_id >= 0),
    CONSTRAINT devices_device_label_length CHECK (char_length(device_label) BETWEEN 1 AND 64),
    CONSTRAINT devices_push_token_length CHECK (octet_length(push_token) BETWEEN 1 AND 4096)
);
CREATE INDEX devices_user_id ON messaging.devices (user_id);
COMMENT ON TABLE messaging.devices IS 'A user''s devices and their public keys (X3DH bundle parts).';
COMMENT ON COLUMN messaging.devices.identity_key_type IS 'ed25519, or x25519 (signatures are XEdDSA).';
COMMENT ON COLUMN messaging.devices.prekey_pubkey IS 'The last-resort prekey, handed out when no one-time prekey is left.';
COMMENT ON COLUMN messaging.devices.one_time_prekeys IS 'Unclaimed one-time prekeys, oldest first: [{"id": n, "key": base64}].';
COMMENT ON COLUMN messaging.devices.last_prekey_id IS 'Highest one-time prekey id ever uploaded: new ids must be above it, so none is reused.';
COMMENT ON COLUMN messaging.devices.push_token IS 'Write-only: never returned.';

-- Per recipient device: the sequence its messages are numbered by and how far it acked. A send
-- locks the recipient's row to take the next number, so numbers grow in commit order.
CREATE TABLE messaging.device_inboxes (
    device_id uuid PRIMARY KEY REFERENCES messaging.devices (id) ON DELETE CASCADE,
    last_seq bigint NOT NULL DEFAULT 0,
    acked_seq bigint NOT NULL DEFAULT 0,
    stream_id uuid,
    CONSTRAINT device_inboxes_seq CHECK (acked_seq >= 0 AND acked_seq <= last_seq)
);
COMMENT ON TABLE messaging.device_inboxes IS 'Each device''s message sequence, acknowledged cursor and current delivery stream.';
COMMENT ON COLUMN messaging.device_inboxes.stream_id IS 'The one live delivery stream of the device; a newer one replaces it.';

CREATE TABLE messaging.chats (
    id uuid PRIMARY KEY,
    chat_type text NOT NULL DEFAULT 'direct',
    user_a uuid,
    user_b uuid,
    name text,
    owner_id uuid,
    last_message_id uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chats_chat_type CHECK (chat_type IN ('direct', 'group')),
    CONSTRAINT chats_direct_shape CHECK (
        chat_type <> 'direct' OR (user_a IS NOT NULL AND user_b IS NOT NULL AND user_a < user_b)),
    CONSTRAINT chats_name_length CHECK (char_length(name) BETWEEN 1 AND 128)
);
CREATE UNIQUE INDEX uniq_direct_chat ON messaging.chats (LEAST(user_a, user_b), GREATEST(user_a, user_b))
    WHERE chat_type = 'direct';
-- Listing a user's chats newest activity first, and purging a user's direct chats.
CREATE INDEX chats_user_a ON messaging.chats (user_a, updated_at DESC, id DESC) WHERE chat_type = 'direct';
CREATE INDEX chats_user_b ON messaging.chats (user_b, updated_at DESC, id DESC) WHERE chat_type = 'direct';
CREATE INDEX chats_owner_id ON messaging.chats (owner_id);
COMMENT ON TABLE messaging.chats IS 'Conversations: direct (user_a < user_b) or group (members in chat_members).';

CREATE TABLE messaging.chat_members (
    chat_id uuid NOT NULL REFERENCES messaging.chats (id) ON DELETE CASCADE,
    user_id uuid NOT NULL,
    role text NOT NULL DEFAULT 'member',
    joined_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (chat_id, user_id),
    CONSTRAINT chat_members_role CHECK (role IN ('owner', 'member'))
);
CREATE INDEX chat_members_user_id ON messaging.chat_members (user_id, chat_id);
COMMENT ON TABLE messaging.chat_members IS 'Group chat membership (direct chats use user_a and user_b).';

CREATE TABLE messaging.messages (
    id uuid PRIMARY KEY,
    logical_msg_id text NOT NULL,
    chat_id uuid NOT NULL REFERENCES messaging.chats (id) ON DELETE CASCADE,
    from_user_id uuid NOT NULL,
    from_device_id uuid NOT NULL REFERENCES messaging.devices (id) ON DELETE CASCADE,
    to_user_id uuid NOT NULL,
    to_device_id uuid NOT NULL REFERENCES messaging.devices (id) ON DELETE CASCADE,
    seq bigint NOT NULL,
    header jsonb NOT NULL,
    ciphertext bytea NOT NULL,
    delivered_at timestamptz,
    read_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT messages_to_device_id_seq_key UNIQUE (to_device_id, seq),
    CONSTRAINT messages_sent_once UNIQUE (from_device_id, logical_msg_id, to_device_id),
    CONSTRAINT messages_logical_msg_id_length CHECK (char_length(logical_msg_id) BETWEEN 1 AND 128),
    CONSTRAINT messages_seq CHECK (seq > 0),
    CONSTRAINT messages_header_shape CHECK (
        jsonb_typeof(header) = 'object' AND header ? 'dh_pubkey' AND header ? 'pn' AND header ? 'n'),
    CONSTRAINT messages_ciphertext_size CHECK (octet_length(ciphertext) BETWEEN 1 AND 262144)
);
CREATE INDEX idx_messages_todevice ON messaging.messages (to_device_id, created_at);
CREATE INDEX idx_messages_chatid ON messaging.messages (chat_id, created_at);
CREATE INDEX idx_messages_logical ON messaging.messages (logical_msg_id);
CREATE INDEX messages_created_at ON messaging.messages (created_at);
COMMENT ON TABLE messaging.messages IS 'One row per recipient device of a message (fan-out); ciphertext only.';
COMMENT ON COLUMN messaging.messages.seq IS 'The recipient device''s sequence number: increasing in commit order.';
COMMENT ON COLUMN messaging.messages.header IS 'Double Ratchet header: {"dh_pubkey": base64, "pn": n, "n": n}.';

ALTER TABLE messaging.chats
    ADD CONSTRAINT fk_chats_last_message FOREIGN KEY (last_message_id)
    REFERENCES messaging.messages (id) ON DELETE SET NULL;
CREATE INDEX chats_last_message_id ON messaging.chats (last_message_id);

CREATE TABLE messaging.sessions (
    id uuid PRIMARY KEY,
    chat_id uuid NOT NULL REFERENCES messaging.chats (id) ON DELETE CASCADE,
    sender_device_id uuid NOT NULL REFERENCES messaging.devices (id) ON DELETE CASCADE,
    receiver_device_id uuid NOT NULL REFERENCES messaging.devices (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sessions_sender_device_id_receiver_device_id_key UNIQUE (sender_device_id, receiver_device_id)
);
CREATE INDEX sessions_receiver_device_id ON messaging.sessions (receiver_device_id);
CREATE INDEX sessions_chat_id ON messaging.sessions (chat_id);
COMMENT ON TABLE messaging.sessions IS 'Double Ratchet session metadata between two devices; never keys.';

CREATE TABLE messaging.pending_sessions (
    id uuid PRIMARY KEY,
    sender_device_id uuid NOT NULL REFERENCES messaging.devices (id) ON DELETE CASCADE,
    recipient_device_id uuid NOT NULL REFERENCES messaging.devices (id) ON DELETE CASCADE,
    ephemeral_pubkey bytea NOT NULL,
    sender_prekey_pub bytea NOT NULL,
    otpk_used bytea NOT NULL,
    ciphertext bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    state text NOT NULL DEFAULT 'initiated',
    CONSTRAINT pending_sessions_state CHECK (state IN ('initiated', 'responded', 'completed')),
    CONSTRAINT pending_sessions_ephemeral_pubkey_length CHECK (octet_length(ephemeral_pubkey) = 32),
    CONSTRAINT pending_sessions_sender_prekey_pub_length CHECK (octet_length(sender_prekey_pub) = 32),
    CONSTRAINT pending_sessions_otpk_used_length CHECK (octet_length(otpk_used) = 32),
    CONSTRAINT pending_sessions_ciphertext_size CHECK (octet_length(ciphertext) BETWEEN 1 AND 262144)
);
CREATE INDEX idx_pending_sessions_recipient ON messaging.pending_sessions (recipient_device_id, created_at);
CREATE INDEX pending_sessions_sender_device_id ON messaging.pending_sessions (sender_device_id);
COMMENT ON TABLE messaging.pending_sessions IS 'X3DH handshakes: initiated -> responded -> completed, never back.';
COMMENT ON COLUMN messaging.pending_sessions.sender_prekey_pub IS 'The initiator''s identity key (IK_A).';
COMMENT ON COLUMN messaging.pending_sessions.otpk_used IS 'The recipient prekey the initiator used (one-time, or the last-resort prekey).';

-- Rate limits shared by every replica: one row per limited key, GCRA's theoretical arrival time.
CREATE TABLE messaging.rate_limits (
    key text PRIMARY KEY,
    tat timestamptz NOT NULL
);
CREATE INDEX rate_limits_tat ON messaging.rate_limits (tat);
COMMENT ON TABLE messaging.rate_limits IS 'Rate limit state (GCRA): a key is allowed while tat - now is within its burst.';
