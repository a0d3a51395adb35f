-- intake-service's own schema: the reports it accepted, the keys that make submission
-- idempotent, and the outbox from which reports are published to mash.reports.

-- References MASH-YYYY-NNNNNN come from here: gapless enough for people, unique always.
CREATE SEQUENCE report_reference_seq AS bigint START WITH 1;

CREATE TABLE reports (
    report_id           uuid        PRIMARY KEY,
    reference           text        NOT NULL UNIQUE,
    received_at         timestamptz NOT NULL,
    submitted_by_sub    text        NOT NULL,
    submitted_by_agency text        NOT NULL,
    channel             text        NOT NULL,
    status              text        NOT NULL DEFAULT 'RECEIVED',
    case_reference      text,
    outcome             text
);

-- One row per Idempotency-Key (scoped to the caller) or police notification (scoped to the force).
-- The primary key is what makes concurrent duplicates safe: the second insert waits for the
-- first transaction and then finds its row.
CREATE TABLE submission_keys (
    scope        text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    report_id    uuid        NOT NULL REFERENCES reports (report_id) DEFERRABLE INITIALLY DEFERRED,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);

-- Transactional outbox: written in the same transaction as the report, published by the relay.
CREATE TABLE outbox (
    id           bigserial   PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    topic        text        NOT NULL,
    type         text        NOT NULL,
    message_key  text        NOT NULL,
    subject      text,
    occurred_at  timestamptz NOT NULL,
    payload      text        NOT NULL,
    published_at timestamptz
);

CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
