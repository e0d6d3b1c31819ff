-- The growth report by month, 2000-01 to 2025-12 (312 months), for the sqlite3 shell.
WITH RECURSIVE months(start) AS (
  SELECT '2000-01-01' UNION ALL SELECT date(start, '+1 month') FROM months WHERE start < '2025-12-01'
),
counted AS MATERIALIZED (
  SELECT start,
    (SELECT count(*) FROM membership WHERE joined_on BETWEEN start AND date(start, '+1 month', '-1 day')) AS joined,
    (SELECT count(*) FROM membership WHERE left_on BETWEEN start AND date(start, '+1 month', '-1 day')) AS left
  FROM months
)
SELECT substr(start, 1, 7), joined, left, joined - left AS net,
  (SELECT count(*) FROM membership WHERE joined_on < '2000-01-01')
  - (SELECT count(*) FROM membership WHERE left_on < '2000-01-01')
  + sum(joined - left) OVER (ORDER BY start) AS total
FROM counted ORDER BY start;
