-- The growth report by year, 2000-2025, one total per unit kind, for the sqlite3 shell.
-- A kind is on `unit`, not on the periods, so the date indexes cannot count a kind's periods by
-- range; the fastest SQL found reads the periods once in their own order (so each unit looked up
-- is near the one before), groups the joinings and leavings by kind and year (one sort), and
-- keeps a running sum per kind. Reading in date order instead (the date indexes) looks units up
-- at random: slower. Counting per kind and year through unit_by_kind and membership_by_unit
-- repeats the whole kind per year: what `report growth --by kind` did before (past 600 s at 1M).
WITH RECURSIVE years(y) AS (SELECT 2000 UNION ALL SELECT y + 1 FROM years WHERE y < 2025),
events AS (
  SELECT u.kind AS kind, p.joined_on AS day, 1 AS delta FROM membership AS p JOIN unit AS u ON u.id = p.unit_id
  UNION ALL
  SELECT u.kind, p.left_on, -1 FROM membership AS p JOIN unit AS u ON u.id = p.unit_id WHERE p.left_on IS NOT NULL
),
counted AS MATERIALIZED (
  SELECT kind, max(1999, CAST(substr(day, 1, 4) AS INTEGER)) AS y, sum(delta) AS change
  FROM events WHERE day <= '2025-12-31' GROUP BY kind, y
),
kinds AS (SELECT DISTINCT kind FROM counted)
SELECT years.y, kinds.kind,
  sum(coalesce(c.change, 0)) OVER (PARTITION BY kinds.kind ORDER BY years.y)
  + coalesce((SELECT change FROM counted WHERE kind = kinds.kind AND y = 1999), 0) AS total
FROM kinds CROSS JOIN years LEFT JOIN counted AS c ON c.kind = kinds.kind AND c.y = years.y
ORDER BY years.y, kinds.kind;
-- The report's other figures: the alliance's joined, left and total per year (growth-year.sql).
WITH RECURSIVE years(y) AS (SELECT 2000 UNION ALL SELECT y + 1 FROM years WHERE y < 2025),
bounds AS (SELECT y, printf('%04d-01-01', y) AS start, printf('%04d-12-31', y) AS finish FROM years),
counted AS MATERIALIZED (
  SELECT y,
    (SELECT count(*) FROM membership WHERE joined_on BETWEEN start AND finish) AS joined,
    (SELECT count(*) FROM membership WHERE left_on BETWEEN start AND finish) AS left
  FROM bounds
)
SELECT y, joined, left, joined - left AS net,
  (SELECT count(*) FROM membership WHERE joined_on < '2000-01-01')
  - (SELECT count(*) FROM membership WHERE left_on < '2000-01-01')
  + sum(joined - left) OVER (ORDER BY y) AS total
FROM counted ORDER BY y;
