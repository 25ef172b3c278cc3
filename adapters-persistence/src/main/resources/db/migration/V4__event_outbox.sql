-- The event outbox (API.md, "Events"): one row per event, written in the transaction of the
-- change it describes, kept for SATCHEL_EVENTS_RETENTION and purged by occurred_at.
-- Readers go through the rows in (transaction_id, position) order and only up to the oldest
-- transaction still running (pg_snapshot_xmin): the position alone is assigned before commit, so
-- a reader following it would pass over a row whose transaction commits after a later one's.
CREATE TABLE events (
    position       bigserial   PRIMARY KEY,
    id             uuid        NOT NULL UNIQUE,
    transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
    owner_id       uuid        NOT NULL,
    type           varchar(32) NOT NULL,
    occurred_at    timestamptz NOT NULL,
    -- json, not jsonb: it keeps the keys in the order the payload was written.
    data           json        NOT NULL
);
-- Fan-out and webhooks read every user's events in delivery order.
CREATE INDEX events_delivery_idx ON events (transaction_id, position);
-- Last-Event-ID replay reads one user's events in the same order.
CREATE INDEX events_owner_delivery_idx ON events (owner_id, transaction_id, position);
-- Retention purge.
CREATE INDEX events_occurred_idx ON events (occurred_at);

-- Single-use tickets for the event WebSocket (POST /events/ticket), shared by all replicas:
-- redeeming is one DELETE ... RETURNING, so a ticket opens one connection anywhere.
CREATE TABLE event_tickets (
    ticket_hash char(64)    PRIMARY KEY,
    owner_id    uuid        NOT NULL,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX event_tickets_expires_idx ON event_tickets (expires_at);
