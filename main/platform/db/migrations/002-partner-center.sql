-- 002: Partner Center. Bulk operations (verify many, from the window or `authdesk verify --all`): when each
-- ran, who ran it and how it ended, so a scheduled run leaves a trace. And an index for counting a
-- customer's events by type (verifications per customer).

CREATE TABLE bulk_operations (
  id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  total INTEGER NOT NULL CHECK (total >= 0),
  done INTEGER NOT NULL DEFAULT 0 CHECK (done >= 0),
  failed INTEGER NOT NULL DEFAULT 0 CHECK (failed >= 0)
);
CREATE INDEX bulk_operations_started ON bulk_operations (started_at);

CREATE INDEX customer_events_type ON customer_events (type, customer_id);
