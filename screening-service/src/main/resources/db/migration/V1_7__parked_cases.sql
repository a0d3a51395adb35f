-- Axon's sequenced dead-letter queue (JdbcSequencedDeadLetterQueue with DeadLetterSchema's default
-- names; Axon's GenericDeadLetterTableFactory in PostgreSQL's types): the events of a case that a
-- processing group (case-view, case-events) could not handle, parked in order per case while the
-- other cases go on, until ParkedCases handles them again. One table for both processing groups.
CREATE TABLE deadletterentry (
    deadletteridentifier varchar(255)  NOT NULL PRIMARY KEY,
    processinggroup      varchar(255)  NOT NULL,
    sequenceidentifier   varchar(255)  NOT NULL,  -- the case (the aggregate's identifier)
    sequenceindex        bigint        NOT NULL,
    messagetype          varchar(255)  NOT NULL,
    eventidentifier      varchar(255)  NOT NULL,
    timestamp            varchar(255)  NOT NULL,
    payloadtype          varchar(255)  NOT NULL,
    payloadrevision      varchar(255),
    payload              bytea         NOT NULL,
    metadata             bytea,
    type                 varchar(255),
    aggregateidentifier  varchar(255),
    sequencenumber       bigint,
    tokentype            varchar(255),
    token                bytea,
    enqueuedat           varchar(255)  NOT NULL,
    lasttouched          varchar(255),
    processingstarted    varchar(255),
    causetype            varchar(255),
    causemessage         varchar(1023),
    diagnostics          bytea,
    CONSTRAINT deadletterentry_sequence_index UNIQUE (processinggroup, sequenceidentifier, sequenceindex)
);
CREATE INDEX deadletterentry_processinggroup ON deadletterentry (processinggroup);
