-- A police notification is now the same notification when the same police system (the token's
-- sub) sends the same notificationId again; it was keyed by the force named in the body, so two
-- systems using one notificationId collided. Keys accepted before keep working: each is moved to
-- the scope of the system that sent it. Should one system have used one notificationId for two
-- forces, only its first keeps answering for it (the primary key allows one).
WITH moved AS (
    SELECT k.scope, k.key, 'police-notification:' || r.submitted_by_sub AS new_scope,
           row_number() OVER (PARTITION BY r.submitted_by_sub, k.key ORDER BY k.created_at, k.scope) AS nth
    FROM submission_keys k
    JOIN reports r ON r.report_id = k.report_id
    WHERE k.scope LIKE 'police-notification:%'
)
UPDATE submission_keys k
SET scope = moved.new_scope
FROM moved
WHERE k.scope = moved.scope AND k.key = moved.key AND moved.nth = 1
  AND NOT EXISTS (SELECT 1 FROM submission_keys taken WHERE taken.scope = moved.new_scope AND taken.key = moved.key);
