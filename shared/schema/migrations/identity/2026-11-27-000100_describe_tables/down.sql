COMMENT ON TABLE identity.users IS NULL;
COMMENT ON TABLE identity.sessions IS NULL;
COMMENT ON TABLE identity.used_tokens IS NULL;
COMMENT ON TABLE identity.throttles IS NULL;
COMMENT ON TABLE identity.auth_codes IS NULL;
COMMENT ON TABLE identity.device_codes IS NULL;
COMMENT ON TABLE identity.user_api_keys IS NULL;
COMMENT ON TABLE identity.security_events IS NULL;
