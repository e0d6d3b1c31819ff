-- `report units --year 2025` for the sqlite3 shell: every unit in the alliance at some time in
-- 2025 with what it did that year (resources offered, needs claimed, projects under way it led
-- and took part in, service records and their hours), each count grouped by unit, then joined.
WITH members AS (
  SELECT DISTINCT m.unit_id FROM membership AS m
  WHERE m.joined_on <= '2025-12-31' AND (m.left_on IS NULL OR m.left_on > '2025-01-01')),
res AS (
  SELECT unit_id, count(*) AS n FROM resource
  WHERE available_from <= '2025-12-31' AND (available_until IS NULL OR available_until >= '2025-01-01')
    AND (withdrawn_on IS NULL OR withdrawn_on > '2025-01-01')
  GROUP BY unit_id),
claimed AS (
  SELECT unit_id, count(DISTINCT need_id) AS n FROM claim
  WHERE need_id IS NOT NULL AND claimed_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY unit_id),
running AS (
  SELECT p.id, p.lead_unit_id FROM project AS p WHERE p.proposed_on <= '2025-12-31' AND NOT EXISTS (
    SELECT 1 FROM project_status_change AS s WHERE s.project_id = p.id AND s.status IN ('done', 'dropped')
      AND s.changed_on < '2025-01-01')),
led AS (SELECT lead_unit_id AS unit_id, count(*) AS n FROM running WHERE lead_unit_id IS NOT NULL GROUP BY 1),
joined AS (
  SELECT pu.unit_id, count(*) AS n FROM project_unit AS pu JOIN running AS r ON r.id = pu.project_id GROUP BY 1),
acts AS (
  SELECT au.unit_id, count(*) AS n, sum(a.hours) AS h FROM activity AS a
  JOIN activity_unit AS au ON au.activity_id = a.id
  WHERE a.happened_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY au.unit_id)
SELECT u.id, u.name, u.kind, coalesce(res.n, 0), coalesce(claimed.n, 0), coalesce(led.n, 0),
  coalesce(joined.n, 0), coalesce(acts.n, 0), coalesce(acts.h, 0.0)
FROM members JOIN unit AS u ON u.id = members.unit_id
LEFT JOIN res ON res.unit_id = u.id LEFT JOIN claimed ON claimed.unit_id = u.id
LEFT JOIN led ON led.unit_id = u.id LEFT JOIN joined ON joined.unit_id = u.id
LEFT JOIN acts ON acts.unit_id = u.id
ORDER BY u.id;
