-- History entries record what changed as facts: an action code and its data as JSON, so that
-- every language can word them. Entries written before keep their English `summary` and no
-- facts; they are shown as recorded.
ALTER TABLE history ADD COLUMN facts TEXT CHECK (facts IS NULL OR json_valid(facts));
