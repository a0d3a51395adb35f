-- The CloudEvent ids each consumer has processed (service-support's Inbox), claimed in the same
-- transaction as the event's effects. It takes over from received_events, whose ids it keeps.
CREATE TABLE inbox (
    consumer    text        NOT NULL,
    event_id    text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

INSERT INTO inbox (consumer, event_id, received_at) SELECT 'case-events', event_id, received_at FROM received_events;
DROP TABLE received_events;
