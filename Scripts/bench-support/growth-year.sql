-- The growth report by year, 2000-2025, as a person would write it by hand for the sqlite3
-- shell: a series of years, two index range counts per year and a running sum.
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
