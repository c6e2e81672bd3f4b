-- Orbital's group forum (seed 001). Names, keys, posts and media metadata are ciphertext made
-- with the group key, which the server never sees: it keeps each member's copy wrapped with
-- that member's public key. Media bytes live in vault-storage (storage_url vault://files/<id>).
-- Users live in identity, so user ids are plain uuid columns; author_id is nullable so an
-- account deletion can set it NULL (the seed's ON DELETE SET NULL) and keep the history.

CREATE TABLE messaging.groups (
    id uuid PRIMARY KEY,
    encrypted_name bytea NOT NULL,
    created_by uuid NOT NULL,
    invite_code varchar(8) NOT NULL,
    key_epoch bigint NOT NULL DEFAULT 1,
    rotation_required boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT groups_invite_code_key UNIQUE (invite_code),
    CONSTRAINT invite_code_format CHECK (invite_code ~ '^[A-Za-z0-9]{8}$'),
    CONSTRAINT groups_encrypted_name_size CHECK (octet_length(encrypted_name) BETWEEN 1 AND 1024),
    CONSTRAINT groups_key_epoch CHECK (key_epoch >= 1)
);
CREATE INDEX idx_groups_invite_code ON messaging.groups (invite_code);
CREATE INDEX idx_groups_created_by ON messaging.groups (created_by);
COMMENT ON TABLE messaging.groups IS 'Forum groups; the name is encrypted with the group key.';
COMMENT ON COLUMN messaging.groups.key_epoch IS 'The current group key''s number; each rotation adds 1.';
COMMENT ON COLUMN messaging.groups.rotation_required IS 'Set when a member left or was deleted without a rotation: posting waits for one.';

CREATE TABLE messaging.members (
    group_id uuid NOT NULL REFERENCES messaging.groups (id) ON DELETE CASCADE,
    user_id uuid NOT NULL,
    encrypted_group_key bytea NOT NULL,
    key_epoch bigint NOT NULL,
    joined_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, user_id),
    CONSTRAINT members_encrypted_group_key_size CHECK (octet_length(encrypted_group_key) BETWEEN 1 AND 2048),
    CONSTRAINT members_key_epoch CHECK (key_epoch >= 1)
);
CREATE INDEX idx_members_user ON messaging.members (user_id);
CREATE INDEX idx_members_group ON messaging.members (group_id);
-- Listing a user's groups newest first, by keyset.
CREATE INDEX members_user_keyset ON messaging.members (user_id, joined_at DESC, group_id DESC);
COMMENT ON TABLE messaging.members IS 'Membership, with the member''s wrapped copy of the current group key.';

CREATE TABLE messaging.member_keys (
    group_id uuid NOT NULL,
    user_id uuid NOT NULL,
    key_epoch bigint NOT NULL,
    encrypted_group_key bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, user_id, key_epoch),
    FOREIGN KEY (group_id, user_id) REFERENCES messaging.members (group_id, user_id) ON DELETE CASCADE,
    CONSTRAINT member_keys_encrypted_group_key_size CHECK (octet_length(encrypted_group_key) BETWEEN 1 AND 2048),
    CONSTRAINT member_keys_key_epoch CHECK (key_epoch >= 1)
);
COMMENT ON TABLE messaging.member_keys IS 'Every epoch''s wrapped group key a member holds (older posts stay readable).';

CREATE TABLE messaging.threads (
    id uuid PRIMARY KEY,
    group_id uuid NOT NULL REFERENCES messaging.groups (id) ON DELETE CASCADE,
    author_id uuid,
    encrypted_title bytea NOT NULL,
    encrypted_body bytea NOT NULL,
    key_epoch bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT threads_encrypted_title_size CHECK (octet_length(encrypted_title) BETWEEN 1 AND 4096),
    CONSTRAINT threads_encrypted_body_size CHECK (octet_length(encrypted_body) BETWEEN 1 AND 65536),
    CONSTRAINT threads_key_epoch CHECK (key_epoch >= 1)
);
CREATE INDEX idx_threads_group ON messaging.threads (group_id);
CREATE INDEX idx_threads_created ON messaging.threads (created_at DESC);
CREATE INDEX idx_threads_author ON messaging.threads (author_id);
CREATE INDEX threads_keyset ON messaging.threads (group_id, created_at DESC, id DESC);
COMMENT ON TABLE messaging.threads IS 'Threads of a group; title and body encrypted with the key of epoch key_epoch.';

CREATE TABLE messaging.replies (
    id uuid PRIMARY KEY,
    thread_id uuid NOT NULL REFERENCES messaging.threads (id) ON DELETE CASCADE,
    author_id uuid,
    encrypted_body bytea NOT NULL,
    key_epoch bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT replies_encrypted_body_size CHECK (octet_length(encrypted_body) BETWEEN 1 AND 65536),
    CONSTRAINT replies_key_epoch CHECK (key_epoch >= 1)
);
CREATE INDEX idx_replies_thread ON messaging.replies (thread_id);
CREATE INDEX idx_replies_created ON messaging.replies (created_at DESC);
CREATE INDEX idx_replies_author ON messaging.replies (author_id);
CREATE INDEX replies_keyset ON messaging.replies (thread_id, created_at, id);
COMMENT ON TABLE messaging.replies IS 'Replies to a thread; the body encrypted with the key of epoch key_epoch.';

CREATE TABLE messaging.media (
    id uuid PRIMARY KEY,
    thread_id uuid NOT NULL REFERENCES messaging.threads (id) ON DELETE CASCADE,
    group_id uuid NOT NULL REFERENCES messaging.groups (id) ON DELETE CASCADE,
    author_id uuid,
    encrypted_metadata bytea NOT NULL,
    storage_url text NOT NULL,
    file_id uuid NOT NULL,
    encryption_iv bytea NOT NULL,
    size_bytes bigint NOT NULL,
    sha256 bytea NOT NULL,
    key_epoch bigint NOT NULL,
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    CONSTRAINT media_file_id_key UNIQUE (file_id),
    CONSTRAINT media_storage_url CHECK (storage_url = 'vault://files/' || file_id::text),
    CONSTRAINT media_encrypted_metadata_size CHECK (octet_length(encrypted_metadata) BETWEEN 1 AND 4096),
    CONSTRAINT media_encryption_iv_size CHECK (octet_length(encryption_iv) BETWEEN 1 AND 24),
    CONSTRAINT media_size_bytes CHECK (size_bytes BETWEEN 1 AND 500000000),
    CONSTRAINT media_sha256_length CHECK (octet_length(sha256) = 32),
    CONSTRAINT media_key_epoch CHECK (key_epoch >= 1),
    CONSTRAINT media_expires_at CHECK (expires_at = uploaded_at + interval '7 days')
);
CREATE INDEX idx_media_thread ON messaging.media (thread_id);
CREATE INDEX idx_media_author ON messaging.media (author_id);
CREATE INDEX idx_media_expires ON messaging.media (expires_at);
CREATE INDEX media_group_id ON messaging.media (group_id);
CREATE INDEX media_keyset ON messaging.media (thread_id, uploaded_at, id);
COMMENT ON TABLE messaging.media IS 'Encrypted media relayed for 7 days; the bytes are a vault-storage file.';

CREATE TABLE messaging.media_downloads (
    media_id uuid NOT NULL REFERENCES messaging.media (id) ON DELETE CASCADE,
    user_id uuid NOT NULL,
    downloaded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (media_id, user_id)
);
CREATE INDEX idx_media_downloads_user ON messaging.media_downloads (user_id);
CREATE INDEX idx_media_downloads_media ON messaging.media_downloads (media_id);
COMMENT ON TABLE messaging.media_downloads IS 'Who downloaded which media first, and when.';

CREATE TABLE messaging.group_quotas (
    group_id uuid PRIMARY KEY REFERENCES messaging.groups (id) ON DELETE CASCADE,
    total_bytes bigint NOT NULL DEFAULT 0,
    media_count integer NOT NULL DEFAULT 0,
    max_bytes bigint NOT NULL DEFAULT 10737418240,
    max_media_count integer NOT NULL DEFAULT 100,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT group_quotas_bytes CHECK (total_bytes >= 0 AND total_bytes <= max_bytes),
    CONSTRAINT group_quotas_count CHECK (media_count >= 0 AND media_count <= max_media_count)
);
CREATE INDEX idx_group_quotas_group ON messaging.group_quotas (group_id);
COMMENT ON TABLE messaging.group_quotas IS 'Per-group media usage, in-flight uploads included, and its limits.';

-- An upload in flight: its size and one file are reserved in group_quotas until it commits
-- (the row becomes media) or is released (failure, or its lease ran out: the cleanup job).
CREATE TABLE messaging.media_uploads (
    id uuid PRIMARY KEY,
    group_id uuid NOT NULL,
    thread_id uuid NOT NULL,
    user_id uuid NOT NULL,
    size_bytes bigint NOT NULL,
    vault_upload_id uuid,
    started_at timestamptz NOT NULL DEFAULT now(),
    lease_expires_at timestamptz NOT NULL,
    CONSTRAINT media_uploads_size_bytes CHECK (size_bytes BETWEEN 1 AND 500000000)
);
CREATE INDEX media_uploads_lease ON messaging.media_uploads (lease_expires_at);
COMMENT ON TABLE messaging.media_uploads IS 'Quota reservations of uploads in flight.';

-- Files to delete in vault-storage, retried until it confirms: no blob outlives its row.
CREATE TABLE messaging.media_deletions (
    file_id uuid PRIMARY KEY,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX media_deletions_due ON messaging.media_deletions (next_attempt_at);
COMMENT ON TABLE messaging.media_deletions IS 'Durable queue of vault-storage files to delete.';

-- However a media row goes (its own delete, expiry, its thread's or group's cascade, account
-- deletion), its file is queued for deletion and its bytes and count leave the group's usage.
CREATE FUNCTION messaging.media_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO messaging.media_deletions (file_id) VALUES (OLD.file_id) ON CONFLICT DO NOTHING;
    UPDATE messaging.group_quotas
       SET total_bytes = total_bytes - OLD.size_bytes, media_count = media_count - 1, updated_at = now()
     WHERE group_id = OLD.group_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER media_deleted AFTER DELETE ON messaging.media
    FOR EACH ROW EXECUTE FUNCTION messaging.media_deleted();

-- Whatever queued deletions wakes the cleanup job on every replica when it commits.
CREATE FUNCTION messaging.media_deletions_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('messaging_media_deletions', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER media_deletions_queued AFTER INSERT ON messaging.media_deletions
    FOR EACH STATEMENT EXECUTE FUNCTION messaging.media_deletions_queued();
