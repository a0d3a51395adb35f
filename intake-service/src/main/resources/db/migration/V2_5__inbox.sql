-- The CloudEvent ids each consumer has processed (service-support's Inbox), claimed in the same
-- transaction as the event's effects, so a redelivered or replayed event changes nothing.
CREATE TABLE inbox (
    consumer    text        NOT NULL,
    event_id    text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
