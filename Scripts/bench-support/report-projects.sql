-- `report projects --from 2016 --to 2026` (today 2026-11-27) for the sqlite3 shell: per year,
-- the needs raised and, of those, claimed and met by the year's end (or today); the projects
-- proposed, claimed (or further) and done by then; the service records' count and sums. Then
-- the same by category over the whole range. Each need and project is read once from its date
-- index, with its status days looked up by (item, status); service records are summed year by
-- year from a range of the day index, which carries the sums (grouping a million records by year
-- instead costs a sort: 1.1 s of CPU against 0.1 s measured).
WITH needs AS (
  SELECT substr(n.raised_on, 1, 4) AS y, min(substr(n.raised_on, 1, 4) || '-12-31', '2026-11-27') AS finish,
    (SELECT s.changed_on FROM need_status_change AS s WHERE s.need_id = n.id AND s.status = 'claimed') AS claimed,
    (SELECT s.changed_on FROM need_status_change AS s WHERE s.need_id = n.id AND s.status = 'met') AS met
  FROM need AS n WHERE n.raised_on BETWEEN '2016-01-01' AND '2026-11-27'
)
SELECT y, count(*), sum(claimed <= finish), sum(met <= finish) FROM needs GROUP BY y ORDER BY y;
WITH projects AS (
  SELECT substr(p.proposed_on, 1, 4) AS y, min(substr(p.proposed_on, 1, 4) || '-12-31', '2026-11-27') AS finish,
    (SELECT min(s.changed_on) FROM project_status_change AS s
     WHERE s.project_id = p.id AND s.status IN ('claimed', 'running', 'done')) AS claimed,
    (SELECT s.changed_on FROM project_status_change AS s WHERE s.project_id = p.id AND s.status = 'done') AS done
  FROM project AS p WHERE p.proposed_on BETWEEN '2016-01-01' AND '2026-11-27'
)
SELECT y, count(*), sum(claimed <= finish), sum(done <= finish) FROM projects GROUP BY y ORDER BY y;
WITH RECURSIVE years(y) AS (SELECT 2016 UNION ALL SELECT y + 1 FROM years WHERE y < 2026)
SELECT y, (SELECT json_array(count(*), sum(volunteers), sum(hours), sum(served)) FROM activity
           WHERE happened_on BETWEEN printf('%04d-01-01', y) AND min(printf('%04d-12-31', y), '2026-11-27'))
FROM years;
SELECT n.category, count(*),
  sum(EXISTS (SELECT 1 FROM need_status_change AS s WHERE s.need_id = n.id AND s.status = 'claimed')),
  sum(EXISTS (SELECT 1 FROM need_status_change AS s WHERE s.need_id = n.id AND s.status = 'met'))
FROM need AS n WHERE n.raised_on BETWEEN '2016-01-01' AND '2026-11-27' GROUP BY n.category;
SELECT p.category, count(*),
  sum(EXISTS (SELECT 1 FROM project_status_change AS s WHERE s.project_id = p.id
              AND s.status IN ('claimed', 'running', 'done'))),
  sum(EXISTS (SELECT 1 FROM project_status_change AS s WHERE s.project_id = p.id AND s.status = 'done'))
FROM project AS p WHERE p.proposed_on BETWEEN '2016-01-01' AND '2026-11-27' GROUP BY p.category;
SELECT p.category, sum(t.n), sum(t.v), sum(t.h), sum(t.s)
FROM (SELECT project_id, count(*) AS n, sum(volunteers) AS v, sum(hours) AS h, sum(served) AS s
      FROM activity WHERE +happened_on BETWEEN '2016-01-01' AND '2026-11-27' GROUP BY project_id) AS t
JOIN project AS p ON p.id = t.project_id GROUP BY p.category;
