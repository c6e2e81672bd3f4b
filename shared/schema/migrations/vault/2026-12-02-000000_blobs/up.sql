-- Content-addressed blobs and manifests per user (Fastest's external storage): immutable
-- objects named by their SHA-256 on the blob volume, deduplicated within a user only.

CREATE TABLE vault.blobs (
    user_id uuid NOT NULL,
    sha256 bytea NOT NULL,
    size bigint NOT NULL,
    volume_id uuid NOT NULL REFERENCES vault.storage_volumes (id) ON DELETE RESTRICT,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT blobs_pkey PRIMARY KEY (user_id, sha256),
    CONSTRAINT blobs_sha256_length CHECK (octet_length(sha256) = 32),
    CONSTRAINT blobs_size CHECK (size >= 0)
);
CREATE INDEX blobs_last_seen_at_idx ON vault.blobs (last_seen_at);
COMMENT ON TABLE vault.blobs IS 'A user''s blobs, stored at <user_id>/blobs/<sha256 hex> on their volume.';
COMMENT ON COLUMN vault.blobs.last_seen_at IS 'Last written, read or reported present: a blob in no manifest and unseen for TESSERA_BLOB_RETENTION is collected.';

CREATE TABLE vault.manifests (
    user_id uuid NOT NULL,
    sha256 bytea NOT NULL,
    size bigint NOT NULL,
    volume_id uuid NOT NULL REFERENCES vault.storage_volumes (id) ON DELETE RESTRICT,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT manifests_pkey PRIMARY KEY (user_id, sha256),
    CONSTRAINT manifests_sha256_length CHECK (octet_length(sha256) = 32),
    CONSTRAINT manifests_size CHECK (size > 0)
);
COMMENT ON TABLE vault.manifests IS 'A user''s manifests (canonical JSON), stored at <user_id>/manifests/<sha256 hex>.json.';

CREATE TABLE vault.manifest_blobs (
    user_id uuid NOT NULL,
    manifest_sha256 bytea NOT NULL,
    blob_sha256 bytea NOT NULL,
    CONSTRAINT manifest_blobs_pkey PRIMARY KEY (user_id, manifest_sha256, blob_sha256),
    CONSTRAINT manifest_blobs_manifest_fkey FOREIGN KEY (user_id, manifest_sha256)
        REFERENCES vault.manifests (user_id, sha256) ON DELETE CASCADE,
    CONSTRAINT manifest_blobs_blob_fkey FOREIGN KEY (user_id, blob_sha256)
        REFERENCES vault.blobs (user_id, sha256) ON DELETE RESTRICT
);
CREATE INDEX manifest_blobs_blob_idx ON vault.manifest_blobs (user_id, blob_sha256);
COMMENT ON TABLE vault.manifest_blobs IS 'Which blobs each manifest names: a named blob is never collected.';
