-- POST /api/v1/audit/rebuild derives both projections again in one transaction (AuditProjections.rebuild). Its
-- largest cost was PostgreSQL's: 539,000 facts of the million-entry log loaded into report_card_facts with its
-- four indexes in place took 7 s on their own; loaded into an emptied table whose indexes are then built, 3 + 2 s
-- (PostgreSQL's own advice for a bulk load, "Populating a Database": remove indexes, load, create them again).
-- The runtime user does not own the tables, so may not truncate them or drop and create indexes; these two
-- functions of the owner do that much and no more (SECURITY DEFINER), and only the runtime user may call them.
-- Both run inside the rebuild's transaction: a rebuild that fails rolls the indexes and the rows back with it.
-- Their search_path names pg_temp last, as PostgreSQL advises for SECURITY DEFINER ("Writing SECURITY DEFINER
-- Functions Safely"), so no temporary table of the caller's can stand in for a projection.
-- TRUNCATE and DROP INDEX lock the tables until the rebuild commits, so a reader of the report card or a case's
-- history waits for the new projections (seconds) rather than seeing the old ones; it never sees them half made.

-- Empties both projections and drops report_card_facts' secondary indexes (its primary key stays: the facts come
-- in log order, so it grows at its right edge, and it refuses a fact derived twice).
CREATE FUNCTION audit_projections_cleared() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    TRUNCATE report_case, report_card_facts;
    DROP INDEX report_card_facts_type_time, report_card_facts_case, report_card_facts_report;
END;
$$;

-- Builds report_card_facts' secondary indexes again, as V3 made them (RebuildIT compares them with the migration's),
-- and gives the planner the new table's statistics at once.
CREATE FUNCTION audit_projections_indexed() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    CREATE INDEX report_card_facts_type_time ON report_card_facts (type, occurred_at);
    CREATE INDEX report_card_facts_case ON report_card_facts (case_id);
    CREATE INDEX report_card_facts_report ON report_card_facts (report_id) WHERE case_id IS NULL;
    ANALYZE report_card_facts;
END;
$$;

REVOKE ALL ON FUNCTION audit_projections_cleared(), audit_projections_indexed() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_projections_cleared(), audit_projections_indexed() TO "${runtime_user}";
