-- The accounts of the browser view (`gongjian serve`): who may sign in from another computer,
-- and with which role. A password is kept only as a slow salted hash (bcrypt), never as typed.
-- An account is not registry data: adding or removing one is not in the history and `undo`
-- never touches it; who added it, and when, is kept here. Names are matched by their key
-- (case and width folded, spaces removed), as unit names are.
CREATE TABLE web_user (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  password_hash TEXT NOT NULL CHECK (length(password_hash) > 0),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
