-- The screening processes running on this database, each seen every few seconds (ScreeningReplicas):
-- how many there are decides each one's fair share of the case processors' segments, so that two
-- replicas each carry half, and the survivor all of them once the other stops being seen.
CREATE TABLE screening_replica (
    replica_id uuid        PRIMARY KEY,
    seen_at    timestamptz NOT NULL
);
