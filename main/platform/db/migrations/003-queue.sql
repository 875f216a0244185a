-- 003: the queue workspace. Notes and the next follow-up date per customer, when the link was last handed to
-- the customer and when it was last verified (kept as columns so the queue sorts by them with an index),
-- notes in the full-text index, indexes for every sortable column, and saved views of the queue.
ALTER TABLE customers ADD COLUMN notes TEXT NOT NULL DEFAULT '';
-- A calendar date (YYYY-MM-DD): a follow-up is a day, not an instant.
ALTER TABLE customers ADD COLUMN next_follow_up TEXT CHECK (next_follow_up IS NULL OR date(next_follow_up) = next_follow_up);
ALTER TABLE customers ADD COLUMN link_sent_at TEXT;
ALTER TABLE customers ADD COLUMN last_verified_at TEXT GENERATED ALWAYS AS (json_extract(last_verification, '$.checkedAt')) VIRTUAL;

-- The hand-off events say when the customer was last given the link; the history is append-only, so an
-- insert trigger keeps the column exact without every service having to remember it.
UPDATE customers SET link_sent_at = (
  SELECT max(e.at) FROM customer_events e
  WHERE e.customer_id = customers.id AND e.type IN ('link-copied', 'instructions-copied', 'mail-client-opened', 'email-sent')
);
CREATE TRIGGER customers_link_sent AFTER INSERT ON customer_events
WHEN new.type IN ('link-copied', 'instructions-copied', 'mail-client-opened', 'email-sent')
BEGIN
  UPDATE customers SET link_sent_at = new.at WHERE id = new.customer_id;
END;

-- Sorting: each sortable column with the row id as the tie-break, so paging is stable.
CREATE INDEX customers_company ON customers (company_name COLLATE NOCASE, seq);
CREATE INDEX customers_domain ON customers (coalesce(default_domain, domain_prefix || '.onmicrosoft.com'), seq);
CREATE INDEX customers_reseller ON customers (reseller_name COLLATE NOCASE, seq);
CREATE INDEX customers_status_seq ON customers (status, seq);
CREATE INDEX customers_link_sent ON customers (link_sent_at, seq);
CREATE INDEX customers_last_verified ON customers (last_verified_at, seq);
CREATE INDEX customers_follow_up ON customers (next_follow_up, seq);
CREATE INDEX customers_owner ON customers (owner COLLATE NOCASE, seq);
CREATE INDEX customers_created ON customers (created_at, seq);

-- The search index gains the notes: it is rebuilt with the extra column and its triggers replaced.
DROP TRIGGER customers_fts_insert;
DROP TRIGGER customers_fts_delete;
DROP TRIGGER customers_fts_update;
DROP TABLE customers_fts;
CREATE VIRTUAL TABLE customers_fts USING fts5 (
  company_name,
  contact_name,
  contact_email,
  domain_prefix,
  default_domain,
  notes,
  content = 'customers',
  content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO customers_fts (customers_fts) VALUES ('rebuild');

CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers
BEGIN
  INSERT INTO customers_fts (rowid, company_name, contact_name, contact_email, domain_prefix, default_domain, notes)
  VALUES (new.seq, new.company_name, new.contact_name, new.contact_email, new.domain_prefix, new.default_domain, new.notes);
END;
CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers
BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, company_name, contact_name, contact_email, domain_prefix, default_domain, notes)
  VALUES ('delete', old.seq, old.company_name, old.contact_name, old.contact_email, old.domain_prefix, old.default_domain, old.notes);
END;
CREATE TRIGGER customers_fts_update AFTER UPDATE OF company_name, contact_name, contact_email, domain_prefix, default_domain, notes
ON customers
BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, company_name, contact_name, contact_email, domain_prefix, default_domain, notes)
  VALUES ('delete', old.seq, old.company_name, old.contact_name, old.contact_email, old.domain_prefix, old.default_domain, old.notes);
  INSERT INTO customers_fts (rowid, company_name, contact_name, contact_email, domain_prefix, default_domain, notes)
  VALUES (new.seq, new.company_name, new.contact_name, new.contact_email, new.domain_prefix, new.default_domain, new.notes);
END;

-- Saved views: a name and the queue query (filters and sort) as JSON. Built-ins ship with the app and cannot
-- be deleted; "@me" in owner stands for whoever runs AuthDesk.
CREATE TABLE saved_views (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  query TEXT NOT NULL CHECK (json_valid(query)),
  built_in INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
  created_at TEXT NOT NULL
);
INSERT INTO saved_views (name, query, built_in, created_at) VALUES
  ('My pending', '{"filter":{"status":"open","owner":"@me"},"sort":{"column":"age","direction":"desc"}}', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Stalled > 7 days', '{"filter":{"status":"open","idleDays":7},"sort":{"column":"age","direction":"desc"}}', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('Follow-ups due', '{"filter":{"status":"open","followUp":"due"},"sort":{"column":"nextFollowUp","direction":"asc"}}', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
