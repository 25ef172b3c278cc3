-- Webhooks: a user's subscriptions, the delivery queue (one row per event and webhook) and the
-- attempt log. Deleting a user or a webhook deletes its queue and log.
CREATE TABLE webhooks (
    id          uuid          PRIMARY KEY,
    owner_id    uuid          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    url         varchar(2048) NOT NULL,
    -- comma-separated event type names; empty = every type
    event_types varchar(1024) NOT NULL DEFAULT '',
    -- the HMAC key itself: the server must sign with it (see notes: plain storage is deliberate)
    secret      bytea         NOT NULL CHECK (length(secret) BETWEEN 24 AND 64),
    created_at  timestamptz   NOT NULL
);
CREATE INDEX webhooks_owner_idx ON webhooks (owner_id, created_at);

CREATE TABLE webhook_deliveries (
    id              uuid          PRIMARY KEY,
    webhook_id      uuid          NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id        uuid          NOT NULL,
    event_type      varchar(64)   NOT NULL,
    -- the event JSON as POSTed, a snapshot: retries outlive the outbox's retention window
    payload         text          NOT NULL,
    state           varchar(16)   NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    queued_at       timestamptz   NOT NULL,
    next_attempt_at timestamptz,
    -- the claim of the attempt in flight: set (with next_attempt_at moved to the end of the lease)
    -- in the short claiming transaction; only the holder of this token may record the attempt
    claim_token     uuid,
    -- an event queued twice (an at-least-once producer) is delivered once per webhook
    UNIQUE (webhook_id, event_id)
);
-- The workers' claim query: due pending rows in due order, and nothing else.
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';

CREATE TABLE webhook_attempts (
    id              bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id     uuid          NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    webhook_id      uuid          NOT NULL,
    event_id        uuid          NOT NULL,
    event_type      varchar(64)   NOT NULL,
    attempt         integer       NOT NULL CHECK (attempt >= 1),
    status_code     integer,
    failure         varchar(200),
    -- at most the first 256 bytes of the receiver's answer; never exposed through the API
    response_prefix varchar(256),
    state           varchar(16)   NOT NULL CHECK (state IN ('delivered', 'retrying', 'failed')),
    attempted_at    timestamptz   NOT NULL,
    next_attempt_at timestamptz
);
CREATE INDEX webhook_attempts_log_idx ON webhook_attempts (webhook_id, attempted_at DESC, id DESC);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id);

-- How far the fan-out has read the event outbox (an OutboxPosition). One row; the replica that
-- locks it (FOR UPDATE SKIP LOCKED) fans out, the others skip, and the move commits with the
-- deliveries it queued, so every event is queued exactly once.
CREATE TABLE webhook_outbox_cursor (
    id             smallint PRIMARY KEY CHECK (id = 1),
    transaction_id bigint   NOT NULL CHECK (transaction_id >= 0),
    sequence       bigint   NOT NULL CHECK (sequence >= 0)
);
INSERT INTO webhook_outbox_cursor (id, transaction_id, sequence) VALUES (1, 0, 0);
