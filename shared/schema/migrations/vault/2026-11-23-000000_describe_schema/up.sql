COMMENT ON SCHEMA vault IS 'Tessera vault-storage: zero-knowledge vault, storage volumes and drivers, quotas, content-addressed blobs';
