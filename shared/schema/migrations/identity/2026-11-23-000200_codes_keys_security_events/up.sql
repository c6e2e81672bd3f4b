-- Magic-link codes (Fastest auth_codes): only the SHA-256 of a code is stored.
CREATE TABLE identity.auth_codes (
    id uuid PRIMARY KEY,
    email text NOT NULL,
    code_hash bytea NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    CONSTRAINT auth_codes_code_hash_length CHECK (octet_length(code_hash) = 32),
    CONSTRAINT auth_codes_email_lower CHECK (email = lower(email)),
    CONSTRAINT auth_codes_attempts CHECK (attempts >= 0)
);
CREATE UNIQUE INDEX auth_codes_code_hash_key ON identity.auth_codes (code_hash);
CREATE INDEX auth_codes_email_created_idx ON identity.auth_codes (email, created_at DESC);

-- RFC 8628 device authorization (Fastest device_codes). The device code is a secret and is
-- stored hashed; the short user code is what a person types.
CREATE TABLE identity.device_codes (
    id uuid PRIMARY KEY,
    device_code_hash bytea NOT NULL,
    user_code text NOT NULL,
    user_id uuid REFERENCES identity.users (id) ON DELETE CASCADE,
    status text NOT NULL DEFAULT 'pending',
    client_description text NOT NULL DEFAULT '',
    interval_seconds integer NOT NULL DEFAULT 5,
    last_polled_at timestamptz,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    CONSTRAINT device_codes_status CHECK (status IN ('pending', 'authorized', 'denied', 'consumed')),
    CONSTRAINT device_codes_user_code_format CHECK (user_code ~ '^[A-Z]{4}-[0-9]{4}$'),
    CONSTRAINT device_codes_hash_length CHECK (octet_length(device_code_hash) = 32)
);
CREATE UNIQUE INDEX device_codes_device_code_hash_key ON identity.device_codes (device_code_hash);
-- A user code is unique among codes still in play; expired ones may be reused.
CREATE UNIQUE INDEX device_codes_user_code_key ON identity.device_codes (user_code) WHERE status = 'pending';

-- User-provided API keys for LLM providers (Fastest user_api_keys), encrypted at rest:
-- key_value is "enc:v1:<key id>:<base64 nonce||ciphertext>" under the system key ring.
CREATE TABLE identity.user_api_keys (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
    provider text NOT NULL,
    key_name text NOT NULL,
    key_value text NOT NULL,
    key_hint text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT user_api_keys_provider CHECK (provider ~ '^[a-z][a-z0-9_-]{1,31}$'),
    CONSTRAINT user_api_keys_key_name CHECK (key_name ~ '^[A-Z][A-Z0-9_]{1,63}$'),
    CONSTRAINT user_api_keys_encrypted CHECK (key_value LIKE 'enc:v1:%')
);
CREATE UNIQUE INDEX user_api_keys_user_provider_key ON identity.user_api_keys (user_id, provider);

-- Security events a user can review: sign-ins, failures, lockouts, session and key changes.
CREATE TABLE identity.security_events (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
    kind text NOT NULL,
    client_address text,
    detail text NOT NULL DEFAULT '',
    occurred_at timestamptz NOT NULL,
    CONSTRAINT security_events_kind CHECK (kind IN (
        'sign_in', 'sign_in_failed', 'lockout', 'session_revoked', 'api_key_set', 'api_key_deleted',
        'magic_link_sign_in', 'device_authorized', 'device_denied', 'account_updated'))
);
CREATE INDEX security_events_user_time_idx ON identity.security_events (user_id, occurred_at DESC, id DESC);
CREATE INDEX security_events_time_idx ON identity.security_events (occurred_at);
