-- screening-service's own tables. Axon's event store (domainevententry, snapshotevententry) and
-- token store (tokenentry) are created by Axon's table factories at start-up.

-- The case views screeners read, kept by the "case-view" tracking processor.
CREATE TABLE case_view (
    case_id         uuid        PRIMARY KEY,
    reference       text        NOT NULL,
    status          text        NOT NULL,
    rag             text,
    opened_at       timestamptz NOT NULL,
    decision_due_by timestamptz NOT NULL,
    overdue         boolean     NOT NULL,
    re_referral     boolean     NOT NULL,
    version         bigint      NOT NULL,
    view            jsonb       NOT NULL
);
CREATE INDEX case_view_due ON case_view (decision_due_by);
CREATE INDEX case_view_awaiting ON case_view (decision_due_by) WHERE status = 'AWAITING_DECISION' AND NOT overdue;

-- Reports already screened: a redelivered report is recognised in the same transaction that
-- stores its events, so it never opens a second case or links twice.
CREATE TABLE screened_reports (
    report_id   uuid        PRIMARY KEY,
    case_id     uuid        NOT NULL,
    screened_at timestamptz NOT NULL DEFAULT now()
);

-- The case directory: which person at risk (by NHS number, or by name and date of birth) is in
-- which case, written in the same transaction as the case's events. Linking and re-referral
-- look here; a decision closes the person's open case.
CREATE TABLE case_people (
    case_id           uuid        NOT NULL,
    nhs_number        text,
    name_key          text,
    opened_at         timestamptz NOT NULL,
    awaiting_decision boolean     NOT NULL
);
CREATE INDEX case_people_nhs ON case_people (nhs_number) WHERE nhs_number IS NOT NULL;
CREATE INDEX case_people_name ON case_people (name_key) WHERE name_key IS NOT NULL;
CREATE INDEX case_people_case ON case_people (case_id);

-- Outbox for what screening publishes besides case events: the record of who read which case.
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
