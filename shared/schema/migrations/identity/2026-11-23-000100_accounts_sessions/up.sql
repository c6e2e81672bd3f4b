-- One users table for the whole suite. Other services refer to users by id only.
CREATE TABLE identity.users (
    id uuid PRIMARY KEY,
    email text,
    username text,
    display_name text NOT NULL DEFAULT '',
    picture_url text NOT NULL DEFAULT '',
    -- PHC string: Argon2id for new hashes, bcrypt ($2b$) for accounts carried over. NULL for
    -- magic-link accounts.
    password_hash text,
    -- Key-derivation parameters of a zero-knowledge client: {"salt": base64, "memory_kib": n,
    -- "iterations": n, "parallelism": n}.
    kdf_params jsonb,
    public_key jsonb,
    subscription_tier text NOT NULL DEFAULT 'free',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email_or_username CHECK (email IS NOT NULL OR username IS NOT NULL),
    CONSTRAINT users_email_format CHECK (email IS NULL OR (email = lower(email) AND char_length(email) BETWEEN 3 AND 254 AND position('@' IN email) > 1)),
    CONSTRAINT users_username_format CHECK (username IS NULL OR username ~ '^[A-Za-z0-9_]{3,50}$'),
    CONSTRAINT users_display_name_length CHECK (char_length(display_name) <= 100),
    CONSTRAINT users_picture_url_length CHECK (char_length(picture_url) <= 2048),
    CONSTRAINT users_subscription_tier CHECK (subscription_tier IN ('free', 'pro', 'team')),
    CONSTRAINT users_public_key_object CHECK (public_key IS NULL OR jsonb_typeof(public_key) = 'object'),
    CONSTRAINT users_kdf_params_object CHECK (kdf_params IS NULL OR jsonb_typeof(kdf_params) = 'object')
);
-- Emails are stored lowercase; usernames are unique regardless of case.
CREATE UNIQUE INDEX users_email_key ON identity.users (email);
CREATE UNIQUE INDEX users_username_key ON identity.users (lower(username));

-- Bearer sessions: only the SHA-256 of the token is stored.
CREATE TABLE identity.sessions (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
    token_hash bytea NOT NULL,
    client_description text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    CONSTRAINT sessions_token_hash_length CHECK (octet_length(token_hash) = 32),
    CONSTRAINT sessions_client_description_length CHECK (char_length(client_description) <= 200)
);
CREATE UNIQUE INDEX sessions_token_hash_key ON identity.sessions (token_hash);
CREATE INDEX sessions_user_created_idx ON identity.sessions (user_id, created_at DESC, id DESC);

-- HushNet's anti-replay table: a one-time token is accepted once; rows older than 24 hours are
-- swept periodically.
CREATE TABLE identity.used_tokens (
    token text PRIMARY KEY,
    used_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT used_tokens_token_length CHECK (octet_length(token) BETWEEN 16 AND 512)
);
CREATE INDEX used_tokens_used_at_idx ON identity.used_tokens (used_at);

-- Failure counters for sign-in throttling, shared by every replica. `subject` is
-- "account:<user id or identifier>" or "address:<client ip>".
CREATE TABLE identity.throttles (
    subject text PRIMARY KEY,
    failures integer NOT NULL DEFAULT 0,
    lockouts integer NOT NULL DEFAULT 0,
    locked_until timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Outbox of account lifecycle events for the other services (read through a resumable stream).
CREATE TABLE identity.events (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    user_id uuid NOT NULL,
    session_id uuid,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_kind CHECK (kind IN ('account_deleted', 'session_revoked'))
);
