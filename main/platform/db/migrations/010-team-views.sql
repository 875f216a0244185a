-- 010: saved views the team shares. A view saved for the team carries a team id (the same on every desktop; the
-- row id stays each desktop's own) and travels like a customer's fields; personal and built-in views have none
-- and stay on the desktop. A shared view is removed by a tombstone (deleted_at), so its removal travels too.
-- Names are unique among personal views only: two desktops may share views of one name while apart.
CREATE TABLE saved_views_next (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  query TEXT NOT NULL CHECK (json_valid(query)),
  built_in INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
  created_at TEXT NOT NULL,
  team_id TEXT UNIQUE,
  created_by TEXT,
  deleted_at TEXT
);
INSERT INTO saved_views_next (id, name, query, built_in, created_at)
  SELECT id, name, query, built_in, created_at FROM saved_views;
DROP TABLE saved_views;
ALTER TABLE saved_views_next RENAME TO saved_views;
CREATE UNIQUE INDEX saved_views_personal_name ON saved_views (name) WHERE team_id IS NULL;
