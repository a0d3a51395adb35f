-- The report card's information sharing reads the requests asked in a period: the entries of one type
-- whose ce_time lies in it. With this index that read grows with the period asked for, not with the
-- log (CONTRACT.md, GET /api/v1/performance); audit_entries_type (type, sequence) would scan every
-- entry of the type. Built in the migration's transaction: appends wait while it is built (seconds
-- for a log of millions), and audit's consumer retries meanwhile rather than losing anything.
CREATE INDEX audit_entries_type_time ON audit_entries (type, occurred_at);
