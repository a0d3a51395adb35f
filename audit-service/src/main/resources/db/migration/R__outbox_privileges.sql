-- audit's outbox (its case reads and signed checkpoints, relayed to Kafka) is the outbox module's table,
-- made by db/outbox/R__outbox.sql. Flyway runs repeatable migrations in the order of their descriptions,
-- so "outbox" is made before these "outbox privileges" are granted. Run by the migration owner: the
-- runtime user (${runtime_user}) writes entries, the relay marks them published, retention deletes them.
-- Idempotent (grants), as a repeatable migration must be.
REVOKE ALL ON outbox FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox TO "${runtime_user}";
GRANT USAGE, SELECT ON SEQUENCE outbox_id_seq TO "${runtime_user}";
