-- The registry of a subdistrict's regional party-building alliance (区域化党建), SPEC §3.
--
-- Dates are ISO 'YYYY-MM-DD' text. `date(d, '+0 days') IS d` refuses impossible dates such as
-- 2019-02-30 (plain `date(d) IS d` lets them through on SQLite 3.40) and any other text.
-- Periods are half-open: a unit is active on day D when joined_on <= D and
-- (left_on IS NULL OR left_on > D), so leaving and rejoining on the same day do not overlap.

-- The one row describing whose registry this is.
CREATE TABLE registry (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  subdistrict TEXT NOT NULL DEFAULT '',
  district TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;

-- A unit of the alliance. `name` is as entered (trimmed, inner whitespace collapsed);
-- `name_key` is NFKC, without whitespace, case-folded: the same unit however it is typed.
CREATE TABLE unit (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_key TEXT NOT NULL UNIQUE CHECK (length(name_key) BETWEEN 1 AND 200),
  kind TEXT NOT NULL DEFAULT '其他' CHECK (length(kind) BETWEEN 1 AND 50),
  party_org TEXT CHECK (party_org IS NULL OR length(party_org) <= 200),
  address TEXT CHECK (address IS NULL OR length(address) <= 200),
  contact_name TEXT CHECK (contact_name IS NULL OR length(contact_name) <= 200),
  contact_phone TEXT CHECK (contact_phone IS NULL OR length(contact_phone) <= 200),
  note TEXT CHECK (note IS NULL OR length(note) <= 2000),
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX unit_by_kind ON unit (kind);

-- Names a unit had before a rename, so the old name still finds it.
CREATE TABLE unit_former_name (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_key TEXT NOT NULL CHECK (length(name_key) BETWEEN 1 AND 200),
  renamed_on TEXT NOT NULL CHECK (date(renamed_on, '+0 days') IS renamed_on),
  UNIQUE (unit_id, name_key)
) STRICT;

CREATE INDEX unit_former_name_by_key ON unit_former_name (name_key);

-- Alliance membership periods: one or more per unit, never overlapping, at most one open.
CREATE TABLE membership (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  joined_on TEXT NOT NULL CHECK (date(joined_on, '+0 days') IS joined_on),
  left_on TEXT CHECK (left_on IS NULL OR date(left_on, '+0 days') IS left_on),
  left_reason TEXT CHECK (left_reason IS NULL OR length(left_reason) <= 2000),
  CHECK (left_on IS NULL OR left_on >= joined_on),
  CHECK (left_reason IS NULL OR left_on IS NOT NULL)
) STRICT;

CREATE UNIQUE INDEX membership_one_open_per_unit ON membership (unit_id) WHERE left_on IS NULL;
CREATE INDEX membership_by_unit ON membership (unit_id, joined_on);
-- The growth report counts periods opened and closed in each period by range over these.
CREATE INDEX membership_by_joined ON membership (joined_on);
CREATE INDEX membership_by_left ON membership (left_on) WHERE left_on IS NOT NULL;

CREATE TRIGGER membership_no_overlap_on_insert
BEFORE INSERT ON membership
WHEN EXISTS (
  SELECT 1 FROM membership AS m
  WHERE m.unit_id = NEW.unit_id
    AND m.joined_on < coalesce(NEW.left_on, '9999-12-31')
    AND NEW.joined_on < coalesce(m.left_on, '9999-12-31')
)
BEGIN
  SELECT RAISE(ABORT, 'alliance membership periods of a unit may not overlap');
END;

CREATE TRIGGER membership_no_overlap_on_update
BEFORE UPDATE OF unit_id, joined_on, left_on ON membership
WHEN EXISTS (
  SELECT 1 FROM membership AS m
  WHERE m.unit_id = NEW.unit_id
    AND m.id <> NEW.id
    AND m.joined_on < coalesce(NEW.left_on, '9999-12-31')
    AND NEW.joined_on < coalesce(m.left_on, '9999-12-31')
)
BEGIN
  SELECT RAISE(ABORT, 'alliance membership periods of a unit may not overlap');
END;

-- Co-building agreements (区域化党建共建协议); a renewal is a new row.
CREATE TABLE agreement (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  title TEXT NOT NULL DEFAULT '区域化党建共建协议' CHECK (length(title) BETWEEN 1 AND 200),
  signed_on TEXT NOT NULL CHECK (date(signed_on, '+0 days') IS signed_on),
  expires_on TEXT CHECK (expires_on IS NULL OR date(expires_on, '+0 days') IS expires_on),
  signatory TEXT CHECK (signatory IS NULL OR length(signatory) <= 200),
  signatory_title TEXT CHECK (signatory_title IS NULL OR length(signatory_title) <= 200),
  note TEXT CHECK (note IS NULL OR length(note) <= 2000),
  CHECK (expires_on IS NULL OR expires_on >= signed_on)
) STRICT;

CREATE INDEX agreement_by_unit ON agreement (unit_id, signed_on);
CREATE INDEX agreement_by_expiry ON agreement (expires_on) WHERE expires_on IS NOT NULL;

-- Special working groups (专项组).
CREATE TABLE working_group (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_key TEXT NOT NULL UNIQUE CHECK (length(name_key) BETWEEN 1 AND 200),
  description TEXT CHECK (description IS NULL OR length(description) <= 2000),
  established_on TEXT CHECK (established_on IS NULL OR date(established_on, '+0 days') IS established_on),
  dissolved_on TEXT CHECK (dissolved_on IS NULL OR date(dissolved_on, '+0 days') IS dissolved_on),
  CHECK (dissolved_on IS NULL OR established_on IS NULL OR dissolved_on >= established_on)
) STRICT;

-- A unit's membership of a working group: lead (牵头单位) or member (成员单位).
CREATE TABLE group_membership (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  group_id INTEGER NOT NULL REFERENCES working_group (id),
  role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('lead', 'member')),
  joined_on TEXT NOT NULL CHECK (date(joined_on, '+0 days') IS joined_on),
  left_on TEXT CHECK (left_on IS NULL OR date(left_on, '+0 days') IS left_on),
  CHECK (left_on IS NULL OR left_on >= joined_on)
) STRICT;

CREATE UNIQUE INDEX group_membership_one_open ON group_membership (unit_id, group_id)
WHERE left_on IS NULL;
CREATE INDEX group_membership_by_unit ON group_membership (unit_id, group_id, joined_on);
CREATE INDEX group_membership_by_group_joined ON group_membership (group_id, joined_on);
CREATE INDEX group_membership_by_group_left ON group_membership (group_id, left_on)
WHERE left_on IS NOT NULL;

CREATE TRIGGER group_membership_no_overlap_on_insert
BEFORE INSERT ON group_membership
WHEN EXISTS (
  SELECT 1 FROM group_membership AS g
  WHERE g.unit_id = NEW.unit_id
    AND g.group_id = NEW.group_id
    AND g.joined_on < coalesce(NEW.left_on, '9999-12-31')
    AND NEW.joined_on < coalesce(g.left_on, '9999-12-31')
)
BEGIN
  SELECT RAISE(ABORT, 'working-group membership periods of a unit may not overlap');
END;

CREATE TRIGGER group_membership_no_overlap_on_update
BEFORE UPDATE OF unit_id, group_id, joined_on, left_on ON group_membership
WHEN EXISTS (
  SELECT 1 FROM group_membership AS g
  WHERE g.unit_id = NEW.unit_id
    AND g.group_id = NEW.group_id
    AND g.id <> NEW.id
    AND g.joined_on < coalesce(NEW.left_on, '9999-12-31')
    AND NEW.joined_on < coalesce(g.left_on, '9999-12-31')
)
BEGIN
  SELECT RAISE(ABORT, 'working-group membership periods of a unit may not overlap');
END;

-- Every change, written in the same transaction as the change itself.
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  command TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  unit_id INTEGER REFERENCES unit (id),
  summary TEXT NOT NULL,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;

CREATE INDEX history_by_unit ON history (unit_id, id) WHERE unit_id IS NOT NULL;
