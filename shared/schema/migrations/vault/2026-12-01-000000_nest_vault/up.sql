-- Nest's zero-knowledge vault (seed 000). The server keeps ciphertext, wrapped keys, sizes and
-- hashes: no table has a name column (names live only inside the encrypted metadata blob).
-- Users live in identity, so `user_id` is a plain uuid; a vault starts with its user_crypto
-- row and everything else of that user hangs off it.

CREATE TABLE vault.user_crypto (
    user_id uuid PRIMARY KEY,
    salt bytea NOT NULL,
    encrypted_master_key bytea NOT NULL,
    metadata_blob bytea NOT NULL,
    metadata_version bigint NOT NULL DEFAULT 0,
    storage_used_bytes bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_crypto_salt_key UNIQUE (salt),
    CONSTRAINT user_crypto_salt_length CHECK (octet_length(salt) BETWEEN 16 AND 64),
    CONSTRAINT user_crypto_master_key_length CHECK (octet_length(encrypted_master_key) BETWEEN 1 AND 1024),
    CONSTRAINT user_crypto_metadata_blob_size CHECK (octet_length(metadata_blob) <= 3145728),
    CONSTRAINT user_crypto_metadata_version CHECK (metadata_version >= 0),
    CONSTRAINT user_crypto_storage_used CHECK (storage_used_bytes >= 0)
);
COMMENT ON TABLE vault.user_crypto IS 'One zero-knowledge vault per user: salt, wrapped master key, encrypted index.';
COMMENT ON COLUMN vault.user_crypto.salt IS 'The client''s Argon2id salt (16-64 bytes), unique.';
COMMENT ON COLUMN vault.user_crypto.encrypted_master_key IS 'The master key wrapped with the user''s root key; opaque here.';
COMMENT ON COLUMN vault.user_crypto.metadata_blob IS 'The encrypted index of the vault (names live only here), at most 3 MiB.';
COMMENT ON COLUMN vault.user_crypto.metadata_version IS 'Optimistic lock: every save names the version it read and adds 1.';
COMMENT ON COLUMN vault.user_crypto.storage_used_bytes IS 'Live, pending and graveyard file sizes, changed with the rows it counts.';

CREATE TABLE vault.folders (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES vault.user_crypto (user_id) ON DELETE CASCADE,
    parent_id uuid,
    encrypted_key bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT folders_encrypted_key_key UNIQUE (encrypted_key),
    CONSTRAINT folders_id_user_id_key UNIQUE (id, user_id),
    -- A parent of the same user (MATCH SIMPLE: a NULL parent is the root).
    CONSTRAINT folders_parent_fkey FOREIGN KEY (parent_id, user_id)
        REFERENCES vault.folders (id, user_id) ON DELETE CASCADE,
    CONSTRAINT folders_not_own_parent CHECK (parent_id <> id),
    CONSTRAINT folders_encrypted_key_length CHECK (octet_length(encrypted_key) BETWEEN 1 AND 1024)
);
CREATE INDEX folders_user_parent_idx ON vault.folders (user_id, parent_id, id);
CREATE INDEX folders_parent_id_idx ON vault.folders (parent_id);
COMMENT ON TABLE vault.folders IS 'The vault''s folder tree; names are in the metadata blob.';
COMMENT ON COLUMN vault.folders.parent_id IS 'NULL: the root. Moves refuse a folder''s own subtree, so the tree has no cycles.';

CREATE TABLE vault.files (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES vault.user_crypto (user_id) ON DELETE CASCADE,
    folder_id uuid,
    volume_id uuid NOT NULL REFERENCES vault.storage_volumes (id) ON DELETE RESTRICT,
    merkle_hash bytea,
    encrypted_key bytea NOT NULL,
    size bigint NOT NULL,
    chunk_count integer NOT NULL,
    state varchar(10) NOT NULL DEFAULT 'pending',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz,
    CONSTRAINT files_encrypted_key_key UNIQUE (encrypted_key),
    -- Files must leave a folder (to the graveyard) before it goes.
    CONSTRAINT files_folder_fkey FOREIGN KEY (folder_id, user_id)
        REFERENCES vault.folders (id, user_id) ON DELETE RESTRICT,
    CONSTRAINT files_state CHECK (state IN ('pending', 'complete')),
    CONSTRAINT files_merkle_hash_length CHECK (merkle_hash IS NULL OR octet_length(merkle_hash) = 32),
    -- A complete file has its content pointer and completion time; a pending one neither.
    CONSTRAINT files_complete_shape CHECK (
        (state = 'complete') = (merkle_hash IS NOT NULL)
        AND (state = 'complete') = (completed_at IS NOT NULL)
    ),
    CONSTRAINT files_size CHECK (size >= 0),
    CONSTRAINT files_chunk_count CHECK (chunk_count >= 0 AND (chunk_count = 0) = (size = 0)),
    CONSTRAINT files_encrypted_key_length CHECK (octet_length(encrypted_key) BETWEEN 1 AND 1024)
);
CREATE INDEX files_user_folder_idx ON vault.files (user_id, folder_id, id);
CREATE INDEX files_folder_id_idx ON vault.files (folder_id);
CREATE INDEX files_pending_created_at_idx ON vault.files (created_at) WHERE state = 'pending';
COMMENT ON TABLE vault.files IS 'Encrypted files: the content pointer, the wrapped file key and sizes, never a name.';
COMMENT ON COLUMN vault.files.volume_id IS 'The volume holding the chunks (TESSERA_VAULT_VOLUME when the file was created).';
COMMENT ON COLUMN vault.files.merkle_hash IS 'SHA-256 of the chunk hashes concatenated in index order; set by FinalizeFile.';

CREATE TABLE vault.file_chunks (
    file_id uuid NOT NULL REFERENCES vault.files (id) ON DELETE CASCADE,
    chunk_index integer NOT NULL,
    size bigint NOT NULL,
    sha256 bytea NOT NULL,
    object_path text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT file_chunks_pkey PRIMARY KEY (file_id, chunk_index),
    CONSTRAINT file_chunks_chunk_index CHECK (chunk_index >= 0),
    CONSTRAINT file_chunks_size CHECK (size > 0),
    CONSTRAINT file_chunks_sha256_length CHECK (octet_length(sha256) = 32),
    CONSTRAINT file_chunks_object_path_nonempty CHECK (object_path <> '')
);
COMMENT ON TABLE vault.file_chunks IS 'The stored chunks of a file (ciphertext), each with its SHA-256 and object path.';
COMMENT ON COLUMN vault.file_chunks.object_path IS 'vault/<user_id>/<file_id>/<chunk_index> on the vault volume.';

CREATE TABLE vault.graveyard (
    file_id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES vault.user_crypto (user_id) ON DELETE CASCADE,
    folder_id uuid,
    volume_id uuid NOT NULL REFERENCES vault.storage_volumes (id) ON DELETE RESTRICT,
    merkle_hash bytea NOT NULL,
    encrypted_key bytea NOT NULL,
    size bigint NOT NULL,
    chunk_count integer NOT NULL,
    created_at timestamptz NOT NULL,
    deleted_at timestamptz NOT NULL DEFAULT now(),
    purge_at timestamptz NOT NULL,
    CONSTRAINT graveyard_encrypted_key_key UNIQUE (encrypted_key),
    CONSTRAINT graveyard_merkle_hash_length CHECK (octet_length(merkle_hash) = 32),
    CONSTRAINT graveyard_size CHECK (size >= 0),
    CONSTRAINT graveyard_chunk_count CHECK (chunk_count >= 0),
    CONSTRAINT graveyard_purge_after_delete CHECK (purge_at >= deleted_at)
);
CREATE INDEX graveyard_user_deleted_idx ON vault.graveyard (user_id, deleted_at DESC, file_id DESC);
CREATE INDEX graveyard_purge_at_idx ON vault.graveyard (purge_at);
COMMENT ON TABLE vault.graveyard IS 'Permanently deleted files until purge_at: restorable, their bytes still counted.';
COMMENT ON COLUMN vault.graveyard.folder_id IS 'Where the file was (no reference: the folder may go; a restore then lands in the root).';

CREATE TABLE vault.graveyard_chunks (
    file_id uuid NOT NULL REFERENCES vault.graveyard (file_id) ON DELETE CASCADE,
    chunk_index integer NOT NULL,
    size bigint NOT NULL,
    sha256 bytea NOT NULL,
    object_path text NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT graveyard_chunks_pkey PRIMARY KEY (file_id, chunk_index),
    CONSTRAINT graveyard_chunks_chunk_index CHECK (chunk_index >= 0),
    CONSTRAINT graveyard_chunks_size CHECK (size > 0),
    CONSTRAINT graveyard_chunks_sha256_length CHECK (octet_length(sha256) = 32),
    CONSTRAINT graveyard_chunks_object_path_nonempty CHECK (object_path <> '')
);
COMMENT ON TABLE vault.graveyard_chunks IS 'The chunk pointers of a graveyard file, moved with it.';

CREATE TABLE vault.analytics_events (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL,
    kind varchar(20) NOT NULL,
    bytes bigint NOT NULL DEFAULT 0,
    occurred_at timestamptz NOT NULL DEFAULT date_trunc('hour', now(), 'UTC'),
    CONSTRAINT analytics_events_kind CHECK (kind IN ('upload', 'delete', 'restore', 'purge', 'expire')),
    CONSTRAINT analytics_events_bytes CHECK (bytes >= 0),
    CONSTRAINT analytics_events_hour CHECK (occurred_at = date_trunc('hour', occurred_at, 'UTC'))
);
CREATE INDEX analytics_events_occurred_at_idx ON vault.analytics_events (occurred_at, kind);
CREATE INDEX analytics_events_user_id_idx ON vault.analytics_events (user_id);
COMMENT ON TABLE vault.analytics_events IS 'Anonymised activity: a user, a kind, bytes and the hour; never a file, folder or chunk.';

-- Objects whose rows are gone and whose bytes must go too: queued in the transaction that
-- removes the rows, deleted from the backend afterwards (retried with backoff), so bytes go
-- even when the service stops in between.
CREATE TABLE vault.object_deletions (
    id uuid PRIMARY KEY,
    volume_id uuid NOT NULL REFERENCES vault.storage_volumes (id) ON DELETE CASCADE,
    object_path text NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    queued_at timestamptz NOT NULL DEFAULT now(),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT object_deletions_object_path_nonempty CHECK (object_path <> ''),
    CONSTRAINT object_deletions_attempts CHECK (attempts >= 0)
);
CREATE INDEX object_deletions_next_attempt_at_idx ON vault.object_deletions (next_attempt_at);
COMMENT ON TABLE vault.object_deletions IS 'Backend objects to delete: queued with the rows that pointed at them.';
