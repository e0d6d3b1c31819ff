-- The growth report by year, 2000-2025, one total per working group, for the sqlite3 shell:
-- per group and year, two range counts of the (group_id, joined_on) and (group_id, left_on)
-- indexes, and a running sum per group from the count before 2000.
WITH RECURSIVE years(y) AS (SELECT 2000 UNION ALL SELECT y + 1 FROM years WHERE y < 2025),
counted AS MATERIALIZED (
  SELECT g.id AS gid, y,
    (SELECT count(*) FROM group_membership AS p
     WHERE p.group_id = g.id AND p.joined_on BETWEEN printf('%04d-01-01', y) AND printf('%04d-12-31', y)) AS joined,
    (SELECT count(*) FROM group_membership AS p
     WHERE p.group_id = g.id AND p.left_on BETWEEN printf('%04d-01-01', y) AND printf('%04d-12-31', y)) AS left
  FROM working_group AS g CROSS JOIN years
)
SELECT y, gid,
  (SELECT count(*) FROM group_membership AS p WHERE p.group_id = gid AND p.joined_on < '2000-01-01')
  - (SELECT count(*) FROM group_membership AS p WHERE p.group_id = gid AND p.left_on < '2000-01-01')
  + sum(joined - left) OVER (PARTITION BY gid ORDER BY y) AS total
FROM counted ORDER BY y, gid;
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
