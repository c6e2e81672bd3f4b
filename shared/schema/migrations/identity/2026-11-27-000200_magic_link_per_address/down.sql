ALTER TABLE identity.auth_codes
    DROP COLUMN client_address,
    DROP COLUMN requester_attempts;
COMMENT ON COLUMN identity.auth_codes.attempts IS NULL;
