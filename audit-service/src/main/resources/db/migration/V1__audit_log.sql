-- audit-service's own schema. Run by the migration owner (quarkus.flyway.username); the service's
-- runtime user (${runtime_user}) may read the log and append to it, never change it.

-- The log: one row per event ever received, hash-chained (README "The hash chain").
-- sequence is given by the single appender (gapless: 1, 2, 3, ...), never by a database sequence,
-- so a rolled-back batch leaves no hole.
CREATE TABLE audit_entries (
    sequence      bigint      PRIMARY KEY CHECK (sequence > 0),
    event_id      text        NOT NULL UNIQUE,            -- ce_id: a redelivered event is dropped
    type          text        NOT NULL,                   -- ce_type
    source        text,                                   -- ce_source
    case_id       text,                                   -- the event's own caseId, when it has one
    occurred_at   timestamptz NOT NULL,                   -- ce_time
    recorded_at   timestamptz NOT NULL,
    actor_sub     text,
    actor_agency  text,
    data          text        NOT NULL,                   -- the data as received, in canonical JSON
    previous_hash char(64)    NOT NULL,
    hash          char(64)    NOT NULL UNIQUE
);

CREATE INDEX audit_entries_case ON audit_entries (case_id, sequence);
CREATE INDEX audit_entries_type ON audit_entries (type, sequence);
-- a report's entries carry no caseId: they are found through report_case (below) by their reportId
CREATE INDEX audit_entries_report ON audit_entries (((data::jsonb) ->> 'reportId')) WHERE case_id IS NULL;

-- Immutability, second line (the first is the privileges below): nobody, not even the table's
-- owner, changes or removes a row while the triggers are enabled.
CREATE FUNCTION audit_entries_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entries_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_are_append_only();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_are_append_only();

-- A projection, rebuilt from the log by POST /api/v1/audit/rebuild: which case each report
-- belongs to (from mash.case.opened.v1 and mash.case.report-linked.v1). The first mapping wins.
CREATE TABLE report_case (
    report_id text   PRIMARY KEY,
    case_id   text   NOT NULL,
    sequence  bigint NOT NULL
);
CREATE INDEX report_case_case ON report_case (case_id);

-- Privileges: the runtime user reads and appends; the projection it may also clear to rebuild.
-- When the runtime user is also the owner (a single-role deployment), the REVOKE takes the owner's
-- own UPDATE/DELETE/TRUNCATE away as well; only a separate owner makes that final (README).
REVOKE ALL ON audit_entries, report_case FROM PUBLIC;
GRANT SELECT, INSERT ON audit_entries TO "${runtime_user}";
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_entries FROM "${runtime_user}";
GRANT SELECT, INSERT, DELETE ON report_case TO "${runtime_user}";
