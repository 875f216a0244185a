-- 001: the first schema. Settings, the distributor's resellers, customers with their append-only history,
-- the outbox of calls to Microsoft waiting for a connection, and full-text search over customers.

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL
);

CREATE TABLE resellers (
  tenant_id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  mpn_id TEXT NOT NULL UNIQUE,
  state TEXT,
  synced_at TEXT NOT NULL
);

-- seq is the rowid the FTS index points at (an explicit INTEGER PRIMARY KEY survives VACUUM, an implicit rowid
-- may not); id is the stable identifier the rest of the app uses.
CREATE TABLE customers (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')),
  company_name TEXT NOT NULL,
  contact_name TEXT NOT NULL,
  contact_email TEXT NOT NULL,
  domain_prefix TEXT NOT NULL,
  default_domain TEXT,
  reseller_mpn_id TEXT,
  reseller_name TEXT,
  include_delegated_admin INTEGER NOT NULL CHECK (include_delegated_admin IN (0, 1)),
  billing_address TEXT CHECK (billing_address IS NULL OR json_valid(billing_address)),
  status TEXT NOT NULL CHECK (
    status IN ('draft', 'link-ready', 'sent', 'authorized', 'needs-attention', 'checked-out', 'archived')
  ),
  authorization_link TEXT,
  last_verification TEXT CHECK (last_verification IS NULL OR json_valid(last_verification)),
  order_reference TEXT,
  owner TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX customers_status ON customers (status);
CREATE INDEX customers_updated_at ON customers (updated_at);

CREATE TABLE customer_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  summary TEXT NOT NULL,
  data TEXT NOT NULL CHECK (json_valid(data))
);
CREATE INDEX customer_events_customer ON customer_events (customer_id, id);

-- The history is evidence for conversion reports and audits: it is never rewritten.
CREATE TRIGGER customer_events_no_update BEFORE UPDATE ON customer_events
BEGIN
  SELECT RAISE(ABORT, 'customer_events is append-only');
END;
CREATE TRIGGER customer_events_no_delete BEFORE DELETE ON customer_events
BEGIN
  SELECT RAISE(ABORT, 'customer_events is append-only');
END;

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  completed_at TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

-- External-content FTS5 index over the fields a user searches the queue by; the triggers keep it in step.
CREATE VIRTUAL TABLE customers_fts USING fts5 (
  company_name,
  contact_name,
  contact_email,
  domain_prefix,
  default_domain,
  content = 'customers',
  content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers
BEGIN
  INSERT INTO customers_fts (rowid, company_name, contact_name, contact_email, domain_prefix, default_domain)
  VALUES (new.seq, new.company_name, new.contact_name, new.contact_email, new.domain_prefix, new.default_domain);
END;
CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers
BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, company_name, contact_name, contact_email, domain_prefix, default_domain)
  VALUES ('delete', old.seq, old.company_name, old.contact_name, old.contact_email, old.domain_prefix, old.default_domain);
END;
CREATE TRIGGER customers_fts_update AFTER UPDATE OF company_name, contact_name, contact_email, domain_prefix, default_domain
ON customers
BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, company_name, contact_name, contact_email, domain_prefix, default_domain)
  VALUES ('delete', old.seq, old.company_name, old.contact_name, old.contact_email, old.domain_prefix, old.default_domain);
  INSERT INTO customers_fts (rowid, company_name, contact_name, contact_email, domain_prefix, default_domain)
  VALUES (new.seq, new.company_name, new.contact_name, new.contact_email, new.domain_prefix, new.default_domain);
END;
