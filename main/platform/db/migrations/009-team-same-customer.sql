-- 009: one customer per tenant across the team. Two desktops may add the same company while neither has seen
-- the other's: the same team key (the default domain at creation, or prefix.onmicrosoft.com, lower case) then
-- becomes one customer. Every desktop applies the team's changes in the same order (PostgreSQL's), so each
-- creation is registered here in that order, and the decision (merge into the customer the team had first, or
-- keep apart because its author already had that customer) comes out the same everywhere. The merged-away id
-- stays as an alias: changes and history that still name it land on the one that remains.
CREATE TABLE team_customer_keys (
  customer_id TEXT PRIMARY KEY NOT NULL,
  team_key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  device_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  hlc TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX team_customer_keys_key ON team_customer_keys (team_key, seq);

CREATE TABLE team_customer_aliases (
  alias_id TEXT PRIMARY KEY NOT NULL,
  canonical_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX team_customer_aliases_canonical ON team_customer_aliases (canonical_id);

-- The history stays append-only, with one exception: while this desktop applies the team's changes
-- (team_capture() is 0), a merge moves the merged-away customer's events to the one that remains, the events
-- themselves unchanged.
DROP TRIGGER customer_events_no_update;
CREATE TRIGGER customer_events_no_update BEFORE UPDATE ON customer_events
WHEN NOT (
  team_capture() = 0 AND new.id = old.id AND new.type IS old.type AND new.at IS old.at AND new.actor IS old.actor
  AND new.summary IS old.summary AND new.data IS old.data
)
BEGIN
  SELECT RAISE(ABORT, 'customer_events is append-only');
END;
