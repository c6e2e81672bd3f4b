ALTER TABLE vault.storage_file_versions DROP COLUMN backend_version;
ALTER TABLE vault.storage_files DROP COLUMN backend_version;
