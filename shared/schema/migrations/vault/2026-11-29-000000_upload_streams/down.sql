DROP INDEX vault.storage_uploads_path_key;
ALTER TABLE vault.storage_uploads
    DROP CONSTRAINT storage_uploads_lease,
    DROP CONSTRAINT storage_uploads_filename_nonempty,
    DROP COLUMN lease_expires_at,
    DROP COLUMN writer_id,
    DROP COLUMN part_offsets,
    DROP COLUMN filename,
    ADD COLUMN hash_state bytea;
