-- `target` versioning: the backend keeps every version of an object (S3 bucket versioning),
-- and the service records which backend version each of its versions is.
ALTER TABLE vault.storage_files ADD COLUMN backend_version text;
ALTER TABLE vault.storage_file_versions ADD COLUMN backend_version text;
COMMENT ON COLUMN vault.storage_files.backend_version IS 'The backend''s version id of the current content (target versioning), else NULL.';
COMMENT ON COLUMN vault.storage_file_versions.backend_version IS 'The backend''s version id of this version (target versioning), else NULL.';
