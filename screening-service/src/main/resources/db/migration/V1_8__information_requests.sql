-- Requests for information between agencies, as the agencies asked list them
-- (GET /api/v1/information-requests): one row per request, kept by the case-view processor in the
-- same transaction as the case's view. `item` is the list item; the columns are what the list
-- filters and sorts on, and what the overdue clock looks for.
CREATE TABLE information_request_view (
    request_id uuid        PRIMARY KEY,
    case_id    uuid        NOT NULL,
    agency     text        NOT NULL,
    status     text        NOT NULL,
    overdue    boolean     NOT NULL,
    due_by     timestamptz NOT NULL,
    item       jsonb       NOT NULL
);
CREATE INDEX information_request_view_agency ON information_request_view (agency, due_by);
CREATE INDEX information_request_view_due ON information_request_view (due_by) WHERE status = 'OPEN' AND NOT overdue;
