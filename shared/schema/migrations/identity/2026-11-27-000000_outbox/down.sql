CREATE TABLE identity.events (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    user_id uuid NOT NULL,
    session_id uuid,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_kind CHECK (kind IN ('account_deleted', 'session_revoked'))
);
DROP TABLE identity.outbox;
