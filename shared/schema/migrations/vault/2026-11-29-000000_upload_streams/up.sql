-- Streamed uploads: one stream at a time writes an upload (a lease any replica can take over
-- once it lapses), bytes are staged as parts whose offsets are recorded, and a path has at
-- most one upload in flight. The SHA-256 state is not stored: a resumed stream re-reads the
-- staged bytes, so `hash_state` goes.
ALTER TABLE vault.storage_uploads
    DROP COLUMN hash_state,
    ADD COLUMN filename text,
    ADD COLUMN part_offsets bigint[] NOT NULL DEFAULT '{}',
    ADD COLUMN writer_id uuid,
    ADD COLUMN lease_expires_at timestamptz,
    ADD CONSTRAINT storage_uploads_filename_nonempty CHECK (filename IS NULL OR filename <> ''),
    ADD CONSTRAINT storage_uploads_lease CHECK ((writer_id IS NULL) = (lease_expires_at IS NULL));
CREATE UNIQUE INDEX storage_uploads_path_key ON vault.storage_uploads
    (volume_id, namespace, (CASE namespace WHEN 'users' THEN user_id::text ELSE app_id END), path);
COMMENT ON COLUMN vault.storage_uploads.filename IS 'The display name the file gets (NULL: the path''s last segment).';
COMMENT ON COLUMN vault.storage_uploads.part_offsets IS 'Start offsets of the staged parts, ascending; each part ends where the next starts (the last at persisted_size).';
COMMENT ON COLUMN vault.storage_uploads.writer_id IS 'The stream writing the upload now, if any.';
COMMENT ON COLUMN vault.storage_uploads.lease_expires_at IS 'When another stream may take the upload over from writer_id.';
