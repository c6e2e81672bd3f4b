-- Table descriptions: the generated Diesel definitions (shared/schema/src/identity.rs) carry
-- them as documentation.
COMMENT ON TABLE identity.users IS 'The suite''s users.';
COMMENT ON TABLE identity.sessions IS 'Bearer sessions (token hashes only).';
COMMENT ON TABLE identity.used_tokens IS 'Claimed one-time tokens (anti-replay).';
COMMENT ON TABLE identity.throttles IS 'Failure counters for throttling, per subject.';
COMMENT ON TABLE identity.auth_codes IS 'Magic-link codes (hashes only).';
COMMENT ON TABLE identity.device_codes IS 'RFC 8628 device authorizations.';
COMMENT ON TABLE identity.user_api_keys IS 'Users'' provider API keys, sealed under the key ring.';
COMMENT ON TABLE identity.security_events IS 'Security events per user.';
