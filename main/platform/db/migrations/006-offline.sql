-- 006: offline-first. The reseller relationship link is per partner, not per customer, so once Partner Center
-- has given it for a (partner tenant, reseller, delegated admin) combination it is kept here and handed out
-- again without a call (and without a connection). The background re-verification schedule of customers in
-- Sent lives beside it: when each was last checked in the background and when the next check is due.

CREATE TABLE relationship_link_cache (
  partner_tenant_id TEXT NOT NULL,
  -- '' for a direct partner's link (no reseller).
  reseller_tenant_id TEXT NOT NULL,
  delegated_admin INTEGER NOT NULL CHECK (delegated_admin IN (0, 1)),
  url TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  PRIMARY KEY (partner_tenant_id, reseller_tenant_id, delegated_admin)
);

CREATE TABLE background_verification (
  customer_id TEXT PRIMARY KEY NOT NULL REFERENCES customers (id),
  -- When the customer entered Sent (the schedule is polite relative to it).
  sent_at TEXT NOT NULL,
  next_check_at TEXT NOT NULL,
  checks INTEGER NOT NULL DEFAULT 0,
  last_checked_at TEXT
);
CREATE INDEX background_verification_due ON background_verification (next_check_at);
