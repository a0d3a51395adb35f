-- The report card's facts: a projection of the few fields GET /api/v1/performance reads from each entry of the
-- types it counts, so a half-year's card reads narrow rows instead of parsing some 200,000 entries' JSON.
-- Derived data, not part of the log: the hash chain and the integrity check never read it. The appender
-- writes an entry's fact in the same transaction as the entry (AuditLogStore.append, CardFact in Java), so
-- the two never disagree; this migration derives the facts of the entries already in the log, and
-- POST /api/v1/audit/rebuild derives them all again, both through report_card_facts_of below.
-- Instants are kept to the microsecond, as PostgreSQL keeps them and as the log's own are.
CREATE TABLE report_card_facts (
    sequence    bigint      PRIMARY KEY,  -- the entry's
    type        text        NOT NULL,     -- the entry's
    case_id     text,                     -- the entry's case_id column: what a case's facts are found by
    occurred_at timestamptz NOT NULL,     -- the entry's ce_time: what a period's facts are found by
    subject_id  uuid,                     -- caseId in the event's data (every type but received)
    report_id   uuid,                     -- received, opened: reportId
    item_id     uuid,                     -- referralId (routed, withdrawn, acknowledged); requestId (requested, answered, declined)
    at          timestamptz,              -- the event's own instant: receivedAt, openedAt, decidedAt, routedAt, requestedAt, answeredAt
    agency      text,                     -- received: the referrer's agency; requested: the agency asked
    concerns    text[],                   -- received
    outcome     text,                     -- decided
    rag         text,                     -- requested, answered, rated
    in_time     boolean     NOT NULL,     -- decided: withinTimescale; acknowledged: withinLimit; answered: withinDueBy
    supersedes  boolean     NOT NULL,     -- decided: it supersedes an earlier decision
    re_referral boolean     NOT NULL,     -- opened
    request_ids uuid[]                    -- rated: the requests whose due time it set
);

-- a period's facts (PerformanceResource step 1), a case's (step 2), an opening report (step 3)
CREATE INDEX report_card_facts_type_time ON report_card_facts (type, occurred_at);
CREATE INDEX report_card_facts_case ON report_card_facts (case_id);
CREATE INDEX report_card_facts_report ON report_card_facts (report_id) WHERE case_id IS NULL;

-- A uuid where the text is one, else null (Java's UUID would refuse it: the card counts no such field).
CREATE FUNCTION report_card_uuid(value text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN value::uuid END
$$;

-- An instant where the text is an ISO-8601 instant as Jackson reads one, else null.
CREATE FUNCTION report_card_instant(value text) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d(:?\d\d)?)$'
        THEN value::timestamptz END
$$;

-- A JSON boolean field as a Java record's boolean reads it: false when absent or null.
CREATE FUNCTION report_card_flag(value text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(value = 'true', false)
$$;

-- The fact of one entry (none for an entry of another type, or whose data is an unstorable record or no
-- object): the same fields as CardFact.of reads in Java, by jsonb operators. ReportCardFactsIT compares the two.
CREATE FUNCTION report_card_facts_of(seq bigint, entry_type text, entry_case text, occurred timestamptz, data text)
    RETURNS SETOF report_card_facts LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT seq, entry_type, entry_case, occurred,
           CASE WHEN entry_type <> 'mash.report.received.v1' THEN report_card_uuid(d ->> 'caseId') END,
           CASE WHEN entry_type IN ('mash.report.received.v1', 'mash.case.opened.v1')
                THEN report_card_uuid(d ->> 'reportId') END,
           CASE WHEN entry_type IN ('mash.referral.routed.v1', 'mash.referral.withdrawn.v1', 'mash.referral.acknowledged.v1')
                THEN report_card_uuid(d ->> 'referralId')
                WHEN entry_type IN ('mash.case.information-requested.v1', 'mash.case.information-request-answered.v1',
                                    'mash.case.information-request-declined.v1')
                THEN report_card_uuid(d ->> 'requestId') END,
           report_card_instant(CASE entry_type
               WHEN 'mash.report.received.v1' THEN d ->> 'receivedAt'
               WHEN 'mash.case.opened.v1' THEN d ->> 'openedAt'
               WHEN 'mash.case.decision-recorded.v1' THEN d ->> 'decidedAt'
               WHEN 'mash.referral.routed.v1' THEN d ->> 'routedAt'
               WHEN 'mash.case.information-requested.v1' THEN d ->> 'requestedAt'
               WHEN 'mash.case.information-request-answered.v1' THEN d ->> 'answeredAt' END),
           CASE entry_type WHEN 'mash.report.received.v1' THEN d -> 'referrer' ->> 'agency'
                           WHEN 'mash.case.information-requested.v1' THEN d ->> 'agency' END,
           CASE WHEN entry_type = 'mash.report.received.v1' THEN
                CASE WHEN jsonb_typeof(d -> 'concerns') = 'array'
                     THEN ARRAY(SELECT jsonb_array_elements_text(d -> 'concerns')) ELSE '{}' END END,
           CASE WHEN entry_type = 'mash.case.decision-recorded.v1' THEN d ->> 'outcome' END,
           CASE WHEN entry_type IN ('mash.case.information-requested.v1', 'mash.case.information-request-answered.v1',
                                    'mash.case.risk-rated.v1') THEN d ->> 'rag' END,
           report_card_flag(CASE entry_type WHEN 'mash.case.decision-recorded.v1' THEN d ->> 'withinTimescale'
                                            WHEN 'mash.referral.acknowledged.v1' THEN d ->> 'withinLimit'
                                            WHEN 'mash.case.information-request-answered.v1' THEN d ->> 'withinDueBy' END),
           entry_type = 'mash.case.decision-recorded.v1' AND d ->> 'supersedes' IS NOT NULL,
           entry_type = 'mash.case.opened.v1' AND report_card_flag(d ->> 'reReferral'),
           CASE WHEN entry_type = 'mash.case.risk-rated.v1' THEN
                CASE WHEN jsonb_typeof(d -> 'informationRequestsDue') = 'array'
                     THEN ARRAY(SELECT report_card_uuid(due ->> 'requestId')
                                FROM jsonb_array_elements(d -> 'informationRequestsDue') due) ELSE '{}' END END
    FROM (SELECT data::jsonb AS d) parsed
    WHERE entry_type IN ('mash.report.received.v1', 'mash.case.opened.v1', 'mash.case.decision-recorded.v1',
                         'mash.referral.routed.v1', 'mash.referral.withdrawn.v1', 'mash.referral.acknowledged.v1',
                         'mash.case.information-requested.v1', 'mash.case.information-request-answered.v1',
                         'mash.case.information-request-declined.v1', 'mash.case.risk-rated.v1')
      AND jsonb_typeof(d) = 'object' AND NOT d ? 'unstorable'
$$;

-- The facts of the entries already in the log. Built in the migration's transaction: appends wait while it
-- runs (minutes for a log of millions), and audit's consumer retries meanwhile rather than losing anything.
SET LOCAL work_mem = '64MB';
INSERT INTO report_card_facts
SELECT f.* FROM audit_entries e, report_card_facts_of(e.sequence, e.type, e.case_id, e.occurred_at, e.data) f
WHERE e.type IN ('mash.report.received.v1', 'mash.case.opened.v1', 'mash.case.decision-recorded.v1',
                 'mash.referral.routed.v1', 'mash.referral.withdrawn.v1', 'mash.referral.acknowledged.v1',
                 'mash.case.information-requested.v1', 'mash.case.information-request-answered.v1',
                 'mash.case.information-request-declined.v1', 'mash.case.risk-rated.v1');
ANALYZE report_card_facts;

-- Derived data: the runtime user writes it with each entry and may clear it to rebuild.
REVOKE ALL ON report_card_facts FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON report_card_facts TO "${runtime_user}";
