-- History entries record what changed as facts: an action code and its data as JSON, so that
-- every language can word them. Entries written before keep their English `summary` and no
-- facts; they are shown as recorded.
--
-- The history also outlives what it describes: a unit removed because it was registered by
-- mistake keeps its entries, so `unit_id` no longer references `unit`, and the unit's name at
-- the time of each change is kept beside it. Changes made in one transaction share a `batch`:
-- `undo` takes back a whole batch (one command) at once.
CREATE TABLE history_with_facts (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  command TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  unit_id INTEGER,
  unit_name TEXT,
  summary TEXT NOT NULL DEFAULT '',
  facts TEXT CHECK (facts IS NULL OR json_valid(facts)),
  batch INTEGER NOT NULL,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;

INSERT INTO history_with_facts
  (id, at, os_user, command, action, entity, entity_id, unit_id, unit_name, summary, facts, batch, before, after)
SELECT h.id, h.at, h.os_user, h.command, h.action, h.entity, h.entity_id, h.unit_id, u.name, h.summary, NULL, h.id,
  h.before, h.after
FROM history AS h LEFT JOIN unit AS u ON u.id = h.unit_id;

DROP TABLE history;
ALTER TABLE history_with_facts RENAME TO history;
CREATE INDEX history_by_unit ON history (unit_id, id) WHERE unit_id IS NOT NULL;
CREATE INDEX history_by_batch ON history (batch);

-- A unit's name with every bracket style and the words 有限公司, 集团 and 股份 taken out of its
-- key: two names with the same similar key are probably one unit typed two ways
-- (上海长远文化（集团）有限公司, 上海长远文化〔集团〕有限公司, 上海长远文化有限公司), so registering
-- the second is refused unless asked for. Kept up to date by gongjian (`NameKey.similar`);
-- filled here for the units registered before.
ALTER TABLE unit ADD COLUMN similar_key TEXT;

UPDATE unit SET similar_key =
  replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
      name_key, '(', ''), ')', ''), '〔', ''), '〕', ''), '【', ''), '】', ''), '[', ''), ']', ''), '「', ''), '」', ''),
    '有限公司', ''), '集团', ''), '股份', '');

CREATE INDEX unit_by_similar_key ON unit (similar_key);
