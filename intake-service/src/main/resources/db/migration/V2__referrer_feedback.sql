-- The referrer's feedback: which case each report joined, and each case's reference, from
-- screening's events on mash.case-events.
ALTER TABLE reports ADD COLUMN case_id uuid;
CREATE INDEX reports_case ON reports (case_id) WHERE case_id IS NOT NULL;

CREATE TABLE case_references (
    case_id   uuid PRIMARY KEY,
    reference text NOT NULL
);
