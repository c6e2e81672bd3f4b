-- How far this service has handled each event stream it follows (tessera_kit::events): the
-- cursor advances in the transaction that handles the event.
CREATE TABLE intelligence.consumer_cursors (
    consumer text PRIMARY KEY,
    cursor bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT consumer_cursors_cursor CHECK (cursor >= 0)
);
COMMENT ON TABLE intelligence.consumer_cursors IS 'How far this service has handled each event stream it follows.';
