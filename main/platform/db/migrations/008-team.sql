-- 008: the team workspace. While the desktop is in a team, triggers (created on joining, see
-- change-capture.ts) record each change the team should see in team_outbox, in the transaction of the change
-- itself, and keep the clock of every field (per-field last-writer-wins). team_state holds this desktop's id and
-- the cursor of the team's changes already applied, advanced in the transaction that applies them.

CREATE TABLE team_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  -- The changed fields and their new values; bases: the clock each field had before (who saw what).
  fields TEXT NOT NULL CHECK (json_valid(fields)),
  bases TEXT NOT NULL CHECK (json_valid(bases)),
  hlc TEXT NOT NULL,
  actor TEXT NOT NULL
);

CREATE TABLE team_field_clocks (
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field TEXT NOT NULL,
  hlc TEXT NOT NULL,
  change_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  PRIMARY KEY (entity, row_id, field)
) WITHOUT ROWID;

-- History events from other desktops, by their origin (device:local id), so each is applied once.
CREATE TABLE team_event_origins (
  origin TEXT PRIMARY KEY NOT NULL,
  event_id INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;

CREATE TABLE team_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  device_id TEXT NOT NULL,
  cursor INTEGER NOT NULL DEFAULT 0,
  last_synced_at TEXT
);

-- The last hand-off date is derived from the history; the latest one, whatever order the events arrive in
-- (another desktop's may arrive after a later one of ours).
DROP TRIGGER customers_link_sent;
CREATE TRIGGER customers_link_sent AFTER INSERT ON customer_events
WHEN new.type IN ('link-copied', 'instructions-copied', 'mail-client-opened', 'email-sent')
BEGIN
  UPDATE customers SET link_sent_at = new.at
  WHERE id = new.customer_id AND (link_sent_at IS NULL OR link_sent_at < new.at);
END;
