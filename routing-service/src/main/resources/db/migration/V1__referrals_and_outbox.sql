-- routing-service's own schema: the decisions it has seen, the referrals it made of them, and the
-- outbox from which referrals and their lifecycle events are published.

-- Every CloudEvent id consumed from mash.case-events: a redelivered record is dropped here.
CREATE TABLE received_events (
    event_id    text        PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT now()
);

-- Every decision routed, once (the same decision under another ce_id is dropped too), and which
-- decision it superseded: a decision that was already superseded when it arrives is not routed.
CREATE TABLE decisions (
    decision_id uuid        PRIMARY KEY,
    case_id     uuid        NOT NULL,
    supersedes  uuid,
    received_at timestamptz NOT NULL
);

CREATE INDEX decisions_supersedes ON decisions (supersedes) WHERE supersedes IS NOT NULL;

-- One referral per decision and queue. payload is exactly what the queue received (its allow-list
-- applied). due_at is fixed when routed, so the escalation clock survives restarts and config changes.
CREATE TABLE referrals (
    referral_id          uuid        PRIMARY KEY,
    decision_id          uuid        NOT NULL REFERENCES decisions (decision_id),
    case_id              uuid        NOT NULL,
    case_reference       text,
    queue                text        NOT NULL,
    outcome              text        NOT NULL,
    rag                  text,
    status               text        NOT NULL,
    routed_at            timestamptz NOT NULL,
    due_at               timestamptz NOT NULL,
    payload              text        NOT NULL,
    acknowledged_at      timestamptz,
    acknowledged_by      text,
    acknowledged_agency  text,
    acknowledgement_note text,
    escalated_at         timestamptz,
    withdrawn_at         timestamptz,
    withdrawn_by         uuid,
    UNIQUE (decision_id, queue)
);

CREATE INDEX referrals_queue_status ON referrals (queue, status, routed_at);
CREATE INDEX referrals_case ON referrals (case_id);
CREATE INDEX referrals_pending_due ON referrals (due_at) WHERE status = 'PENDING';

-- Transactional outbox (OutboxStore): written in the same transaction as the referrals.
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
