-- The transactional outbox (uk.mash.outbox.OutboxStore), the one definition every service uses: each
-- adds db/outbox to quarkus.flyway.locations. A repeatable migration, so Flyway runs it after the
-- service's own versioned ones, and again only when this file changes. Hence every statement here must
-- stay idempotent: intake, screening and routing databases already have this table from their own V1
-- (those migrations were applied and cannot change), and a later edit runs against existing tables.
-- See outbox/README.md for why it is not a versioned V0_1 and why the copies in those V1s stay.
CREATE TABLE IF NOT EXISTS outbox (
    id           bigserial   PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,   -- ce_id, fixed when the entry is written
    topic        text        NOT NULL,
    type         text        NOT NULL,          -- ce_type
    message_key  text        NOT NULL,
    subject      text,                          -- ce_subject
    occurred_at  timestamptz NOT NULL,          -- ce_time
    payload      text        NOT NULL,          -- the event's data, JSON
    published_at timestamptz                    -- null until the broker acknowledged it
);

CREATE INDEX IF NOT EXISTS outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
