-- The three lists (三张清单) and what the centre does with them: resources units offer
-- (资源清单), needs residents' committees and units raise (需求清单), projects that pair them
-- (项目清单), claims (双向认领) and the service records of each project (服务记录).
--
-- Dates are ISO text guarded as in the first migration. A status is kept on its row (what
-- listings filter on) and every change of it is also a dated row of its own, never changed
-- afterwards: the status tables are the record, the column the current state.
-- Titles have a key made as units' names are (NFKC, no whitespace, case-folded) so that a
-- person can name an item by a part of its title.

-- A unit's unified social credit code (统一社会信用代码): the key that finds one unit across
-- subdistricts. Checked by gongjian (18 characters, GB 32100 check character); unique when present.
ALTER TABLE unit ADD COLUMN credit_code TEXT CHECK (credit_code IS NULL OR length(credit_code) = 18);
CREATE UNIQUE INDEX unit_by_credit_code ON unit (credit_code) WHERE credit_code IS NOT NULL;

-- A resource a unit offers: a meeting room, volunteers, a professional service, funds.
-- It is available from `available_from` (the day it was offered unless said otherwise) until
-- `available_until` (open-ended when null), and closes for good on `withdrawn_on`; a unit's open
-- resources close on the day it leaves the alliance.
CREATE TABLE resource (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  title_key TEXT NOT NULL CHECK (length(title_key) BETWEEN 1 AND 200),
  category TEXT NOT NULL DEFAULT '其他' CHECK (length(category) BETWEEN 1 AND 50),
  description TEXT CHECK (description IS NULL OR length(description) <= 2000),
  capacity TEXT CHECK (capacity IS NULL OR length(capacity) <= 200),
  contact TEXT CHECK (contact IS NULL OR length(contact) <= 200),
  available_from TEXT NOT NULL CHECK (date(available_from, '+0 days') IS available_from),
  available_until TEXT CHECK (available_until IS NULL OR date(available_until, '+0 days') IS available_until),
  withdrawn_on TEXT CHECK (withdrawn_on IS NULL OR date(withdrawn_on, '+0 days') IS withdrawn_on),
  created_at TEXT NOT NULL,
  CHECK (available_until IS NULL OR available_until >= available_from)
) STRICT;

CREATE INDEX resource_by_unit ON resource (unit_id, available_from);
CREATE INDEX resource_by_category ON resource (category);
CREATE INDEX resource_by_title_key ON resource (title_key);

-- A need: raised by a unit (`raised_by_unit_id`), by someone outside the registry such as a
-- residents' committee (居民区, `raised_by` as written), or by the centre itself (both null).
CREATE TABLE need (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  title_key TEXT NOT NULL CHECK (length(title_key) BETWEEN 1 AND 200),
  category TEXT NOT NULL DEFAULT '其他' CHECK (length(category) BETWEEN 1 AND 50),
  description TEXT CHECK (description IS NULL OR length(description) <= 2000),
  raised_by_unit_id INTEGER REFERENCES unit (id),
  raised_by TEXT CHECK (raised_by IS NULL OR length(raised_by) BETWEEN 1 AND 200),
  raised_on TEXT NOT NULL CHECK (date(raised_on, '+0 days') IS raised_on),
  people INTEGER CHECK (people IS NULL OR people >= 0),
  deadline TEXT CHECK (deadline IS NULL OR date(deadline, '+0 days') IS deadline),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'claimed', 'met', 'closed')),
  status_on TEXT NOT NULL CHECK (date(status_on, '+0 days') IS status_on),
  created_at TEXT NOT NULL,
  CHECK (raised_by_unit_id IS NULL OR raised_by IS NULL),
  CHECK (deadline IS NULL OR deadline >= raised_on),
  CHECK (status_on >= raised_on)
) STRICT;

CREATE INDEX need_by_raised ON need (raised_on);
CREATE INDEX need_by_status ON need (status, deadline);
CREATE INDEX need_by_title_key ON need (title_key);
CREATE INDEX need_by_unit ON need (raised_by_unit_id) WHERE raised_by_unit_id IS NOT NULL;

-- Every status a need has had, from 'open' on the day it was raised: only forward
-- (open → claimed → met | closed), each on or after the one before.
CREATE TABLE need_status_change (
  id INTEGER PRIMARY KEY,
  need_id INTEGER NOT NULL REFERENCES need (id),
  status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'met', 'closed')),
  changed_on TEXT NOT NULL CHECK (date(changed_on, '+0 days') IS changed_on),
  UNIQUE (need_id, status)
) STRICT;

CREATE INDEX need_status_change_by_status ON need_status_change (status, changed_on, need_id);

-- A project (项目): the needs it answers, the resources it uses, its lead unit (牵头) and
-- the units taking part. Its level is one of the three of 家园党建 (街区联建, 责任区共建,
-- 楼组自建) when given. `start_on` and `end_on` are the planned dates; the days it really
-- started and ended are its status changes.
CREATE TABLE project (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  title_key TEXT NOT NULL CHECK (length(title_key) BETWEEN 1 AND 200),
  category TEXT NOT NULL DEFAULT '其他' CHECK (length(category) BETWEEN 1 AND 50),
  level TEXT CHECK (level IS NULL OR level IN ('街区联建', '责任区共建', '楼组自建')),
  description TEXT CHECK (description IS NULL OR length(description) <= 2000),
  lead_unit_id INTEGER REFERENCES unit (id),
  start_on TEXT CHECK (start_on IS NULL OR date(start_on, '+0 days') IS start_on),
  end_on TEXT CHECK (end_on IS NULL OR date(end_on, '+0 days') IS end_on),
  proposed_on TEXT NOT NULL CHECK (date(proposed_on, '+0 days') IS proposed_on),
  status TEXT NOT NULL DEFAULT 'proposed'
    CHECK (status IN ('proposed', 'claimed', 'running', 'done', 'dropped')),
  status_on TEXT NOT NULL CHECK (date(status_on, '+0 days') IS status_on),
  created_at TEXT NOT NULL,
  CHECK (end_on IS NULL OR start_on IS NULL OR end_on >= start_on),
  CHECK (status_on >= proposed_on)
) STRICT;

CREATE INDEX project_by_proposed ON project (proposed_on);
CREATE INDEX project_by_status ON project (status);
CREATE INDEX project_by_title_key ON project (title_key);
CREATE INDEX project_by_lead ON project (lead_unit_id) WHERE lead_unit_id IS NOT NULL;

-- Every status a project has had, from 'proposed': only forward
-- (proposed → claimed → running → done | dropped), each on or after the one before.
CREATE TABLE project_status_change (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project (id),
  status TEXT NOT NULL CHECK (status IN ('proposed', 'claimed', 'running', 'done', 'dropped')),
  changed_on TEXT NOT NULL CHECK (date(changed_on, '+0 days') IS changed_on),
  UNIQUE (project_id, status)
) STRICT;

CREATE INDEX project_status_change_by_status ON project_status_change (status, changed_on, project_id);

-- The needs a project answers, the resources it uses, the units taking part besides its lead.
CREATE TABLE project_need (
  project_id INTEGER NOT NULL REFERENCES project (id),
  need_id INTEGER NOT NULL REFERENCES need (id),
  PRIMARY KEY (project_id, need_id)
) STRICT;

CREATE INDEX project_need_by_need ON project_need (need_id);

CREATE TABLE project_resource (
  project_id INTEGER NOT NULL REFERENCES project (id),
  resource_id INTEGER NOT NULL REFERENCES resource (id),
  PRIMARY KEY (project_id, resource_id)
) STRICT;

CREATE INDEX project_resource_by_resource ON project_resource (resource_id);

CREATE TABLE project_unit (
  project_id INTEGER NOT NULL REFERENCES project (id),
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  PRIMARY KEY (project_id, unit_id)
) STRICT;

CREATE INDEX project_unit_by_unit ON project_unit (unit_id);

-- A claim (认领): a unit claims a need or a project on a day, or a need claims a unit's
-- resource (then `resource_id` is set and `unit_id` is the resource's unit). Claims are the
-- record of who took what on: never changed or removed afterwards.
CREATE TABLE claim (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  need_id INTEGER REFERENCES need (id),
  project_id INTEGER REFERENCES project (id),
  resource_id INTEGER REFERENCES resource (id),
  claimed_on TEXT NOT NULL CHECK (date(claimed_on, '+0 days') IS claimed_on),
  created_at TEXT NOT NULL,
  CHECK ((need_id IS NULL) <> (project_id IS NULL)),
  CHECK (resource_id IS NULL OR need_id IS NOT NULL)
) STRICT;

CREATE INDEX claim_by_need ON claim (need_id, claimed_on) WHERE need_id IS NOT NULL;
CREATE INDEX claim_by_project ON claim (project_id, claimed_on) WHERE project_id IS NOT NULL;
CREATE INDEX claim_by_unit ON claim (unit_id, claimed_on);
CREATE INDEX claim_by_resource ON claim (resource_id) WHERE resource_id IS NOT NULL;

-- A service record (服务记录) under a project: the day, how many volunteers (人次), their hours,
-- how many people were served (受益人次), and the units that took part.
CREATE TABLE activity (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project (id),
  happened_on TEXT NOT NULL CHECK (date(happened_on, '+0 days') IS happened_on),
  volunteers INTEGER NOT NULL DEFAULT 0 CHECK (volunteers >= 0),
  hours REAL NOT NULL DEFAULT 0 CHECK (hours >= 0),
  served INTEGER NOT NULL DEFAULT 0 CHECK (served >= 0),
  note TEXT CHECK (note IS NULL OR length(note) <= 2000),
  created_at TEXT NOT NULL
) STRICT;

-- The reports sum activities by day range; the day index carries the sums' columns.
CREATE INDEX activity_by_day ON activity (happened_on, volunteers, hours, served);
CREATE INDEX activity_by_project ON activity (project_id, happened_on, volunteers, hours, served);

CREATE TABLE activity_unit (
  activity_id INTEGER NOT NULL REFERENCES activity (id),
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  PRIMARY KEY (activity_id, unit_id)
) STRICT;

CREATE INDEX activity_unit_by_unit ON activity_unit (unit_id, activity_id);
