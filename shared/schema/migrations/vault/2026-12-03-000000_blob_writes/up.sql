-- Resumable writes of large blobs (WriteBlob): the bytes are staged as parts whose offsets are
-- recorded, one stream at a time holds the lease, and the blob's size is reserved on the
-- user's quota until the write commits, fails or expires.
CREATE TABLE vault.blob_writes (
    user_id uuid NOT NULL,
    sha256 bytea NOT NULL,
    size bigint NOT NULL,
    volume_id uuid NOT NULL REFERENCES vault.storage_volumes (id) ON DELETE RESTRICT,
    part_offsets bigint[] NOT NULL DEFAULT '{}',
    persisted_size bigint NOT NULL DEFAULT 0,
    writer_id uuid,
    lease_expires_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    CONSTRAINT blob_writes_pkey PRIMARY KEY (user_id, sha256),
    CONSTRAINT blob_writes_sha256_length CHECK (octet_length(sha256) = 32),
    CONSTRAINT blob_writes_sizes CHECK (size > 0 AND persisted_size BETWEEN 0 AND size),
    CONSTRAINT blob_writes_lease CHECK ((writer_id IS NULL) = (lease_expires_at IS NULL))
);
CREATE INDEX blob_writes_expires_at_idx ON vault.blob_writes (expires_at);
COMMENT ON TABLE vault.blob_writes IS 'Unfinished WriteBlob streams: staged parts, the lease, the reservation.';
