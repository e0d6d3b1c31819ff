-- Joint meetings (联席会议) of the alliance: who came, the topics raised before them, the
-- decisions taken and the follow-up tasks (督办事项) those decisions gave units, with every
-- report on a task's progress.
--
-- Units are referenced, never copied: a unit that attended a meeting, raised a topic or is
-- responsible for a task cannot be removed as "registered by mistake" (gongjian refuses), and
-- the history keeps the unit's name with every change.

CREATE TABLE meeting (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  title_key TEXT NOT NULL CHECK (length(title_key) BETWEEN 1 AND 200),
  held_on TEXT NOT NULL CHECK (date(held_on, '+0 days') IS held_on),
  place TEXT CHECK (place IS NULL OR length(place) <= 200),
  chair TEXT CHECK (chair IS NULL OR length(chair) <= 200),
  recorder TEXT CHECK (recorder IS NULL OR length(recorder) <= 200),
  created_at TEXT NOT NULL,
  UNIQUE (held_on, title_key)
) STRICT;

-- Who came: one row per unit and meeting; 出席 present, 请假 excused, 缺席 absent.
CREATE TABLE meeting_attendance (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting (id),
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  status TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
  UNIQUE (meeting_id, unit_id)
) STRICT;

CREATE INDEX meeting_attendance_by_unit ON meeting_attendance (unit_id, meeting_id);

-- Topics (议题) raised for a meeting, by a unit or by the centre (no unit). By custom they
-- are due 15 days before the meeting; a later one is recorded with a warning.
CREATE TABLE meeting_topic (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting (id),
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  unit_id INTEGER REFERENCES unit (id),
  raised_on TEXT NOT NULL CHECK (date(raised_on, '+0 days') IS raised_on)
) STRICT;

CREATE INDEX meeting_topic_by_meeting ON meeting_topic (meeting_id);
CREATE INDEX meeting_topic_by_unit ON meeting_topic (unit_id) WHERE unit_id IS NOT NULL;

-- Decisions (决议) of a meeting, by kind: new members, working groups, the year's lists, key
-- projects, other.
CREATE TABLE meeting_decision (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting (id),
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('members', 'groups', 'lists', 'projects', 'other'))
) STRICT;

CREATE INDEX meeting_decision_by_meeting ON meeting_decision (meeting_id);

-- Follow-up tasks (督办事项): a decision's task for one responsible unit, due on a day.
CREATE TABLE followup (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES meeting_decision (id),
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  due_on TEXT NOT NULL CHECK (date(due_on, '+0 days') IS due_on)
) STRICT;

CREATE INDEX followup_by_decision ON followup (decision_id);
CREATE INDEX followup_by_unit ON followup (unit_id);

-- Every report on a task, dated: a task's status on a day is that of its latest report on or
-- before the day (open without any). Reports are kept, never overwritten, so the status a
-- past meeting heard can always be told again.
CREATE TABLE followup_update (
  id INTEGER PRIMARY KEY,
  followup_id INTEGER NOT NULL REFERENCES followup (id),
  status TEXT NOT NULL CHECK (status IN ('open', 'done')),
  updated_on TEXT NOT NULL CHECK (date(updated_on, '+0 days') IS updated_on),
  note TEXT CHECK (note IS NULL OR length(note) <= 2000)
) STRICT;

CREATE INDEX followup_update_by_followup ON followup_update (followup_id, updated_on, id);
