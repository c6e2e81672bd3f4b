-- identity's events move to the suite's outbox shape (tessera_kit::events::outbox): the payload
-- is the protobuf encoding of tessera.identity.v1.Event without its cursor, so the stream sends
-- what is stored. Events already recorded are carried over with their cursors.
CREATE TABLE identity.outbox (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    payload bytea NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT outbox_kind CHECK (kind IN ('account_deleted', 'session_revoked'))
);
CREATE INDEX outbox_occurred_at_idx ON identity.outbox (occurred_at);
COMMENT ON TABLE identity.outbox IS 'Events for the other services (account deletions, session revocations), in commit order.';

-- Protobuf encoding in SQL, for the carry-over only (pg_temp: gone with this session).
CREATE FUNCTION pg_temp.varint(n bigint) RETURNS bytea LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    encoded bytea := '';
BEGIN
    LOOP
        IF n < 128 THEN
            RETURN encoded || set_byte('\x00'::bytea, 0, n::int);
        END IF;
        encoded := encoded || set_byte('\x00'::bytea, 0, ((n & 127) | 128)::int);
        n := n >> 7;
    END LOOP;
END $$;

CREATE FUNCTION pg_temp.event(kind text, user_id uuid, session_id uuid, at timestamptz)
RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT '\x10'::bytea || pg_temp.varint(CASE kind WHEN 'account_deleted' THEN 1 ELSE 2 END)
        || '\x1a24'::bytea || convert_to(user_id::text, 'UTF8')
        || CASE WHEN session_id IS NULL THEN ''::bytea
                ELSE '\x2224'::bytea || convert_to(session_id::text, 'UTF8') END
        || (SELECT '\x2a'::bytea || pg_temp.varint(length(ts)) || ts
            FROM (SELECT '\x08'::bytea || pg_temp.varint(floor(extract(epoch FROM at))::bigint)
                      || CASE WHEN extract(microseconds FROM at)::bigint % 1000000 = 0 THEN ''::bytea
                              ELSE '\x10'::bytea || pg_temp.varint((extract(microseconds FROM at)::bigint % 1000000) * 1000) END
                      AS ts) AS t)
$$;

INSERT INTO identity.outbox (seq, kind, payload, occurred_at) OVERRIDING SYSTEM VALUE
SELECT seq, kind, pg_temp.event(kind, user_id, session_id, occurred_at), occurred_at
FROM identity.events ORDER BY seq;
SELECT setval(pg_get_serial_sequence('identity.outbox', 'seq'), GREATEST((SELECT max(seq) FROM identity.outbox), 1), (SELECT count(*) > 0 FROM identity.outbox));

DROP FUNCTION pg_temp.event(text, uuid, uuid, timestamptz);
DROP FUNCTION pg_temp.varint(bigint);
DROP TABLE identity.events;
