DROP TABLE identity.security_events;
DROP TABLE identity.user_api_keys;
DROP TABLE identity.device_codes;
DROP TABLE identity.auth_codes;
