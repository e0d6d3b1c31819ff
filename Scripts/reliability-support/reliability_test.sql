-- TEST ONLY: never part of gongjian. Scripts/reliability builds a private copy of gongjian with
-- this file added as the migration after the shipped ones, so that it can kill -9 a migration that runs for seconds
-- on a large registry (the shipped 0001 creates an empty schema in milliseconds).
-- It does what a real schema change does: adds a column, backfills it for every row, indexes
-- it, and fills a new table from an old one — all inside the migrator's one transaction.
ALTER TABLE unit ADD COLUMN name_sort TEXT;
UPDATE unit SET name_sort = name_key || '#' || printf('%09d', id);
CREATE INDEX unit_by_name_sort ON unit (name_sort);
CREATE TABLE reliability_probe (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  label TEXT NOT NULL
) STRICT;
INSERT INTO reliability_probe (unit_id, label) SELECT id, name || ' / ' || kind FROM unit;
