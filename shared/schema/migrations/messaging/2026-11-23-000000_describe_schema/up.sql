COMMENT ON SCHEMA messaging IS 'Tessera messaging: E2EE chat (devices, key bundles, messages) and the E2EE group forum';
