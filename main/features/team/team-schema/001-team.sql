-- 001: one team per database. team_changes is the exchange: every desktop appends its changes (never updates
-- or deletes them) and reads the others' past its cursor, in seq order. Writers hold a transaction-level
-- advisory lock, so seq order is commit order and no reader's cursor can pass a change still in flight.
CREATE TABLE team (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team_members (
  device_id text PRIMARY KEY,
  os_user text NOT NULL,
  display_name text NOT NULL,
  joined_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team_changes (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  entity text NOT NULL,
  row_id text NOT NULL,
  fields jsonb NOT NULL,
  bases jsonb NOT NULL,
  hlc text NOT NULL,
  device_id text NOT NULL,
  actor text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
