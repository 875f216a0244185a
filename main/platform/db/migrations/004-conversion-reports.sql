-- 004: conversion reports. Per customer, the first moment the link was handed over, the first passed
-- verification and the checkout, kept on the customer row by triggers on the append-only history (the history
-- stays the source: the columns are rebuilt from it below). Reports then read one narrow index instead of
-- a million events, and the funnel, breakdowns and stalled list stay fast at that size.

ALTER TABLE customers ADD COLUMN first_sent_at TEXT;
ALTER TABLE customers ADD COLUMN first_authorized_at TEXT;
ALTER TABLE customers ADD COLUMN first_checked_out_at TEXT;

-- Hand-off events are the ways a link leaves AuthDesk: copied, instructions copied, mail client, email sent.
CREATE TRIGGER customers_first_sent AFTER INSERT ON customer_events
WHEN new.type IN ('link-copied', 'instructions-copied', 'mail-client-opened', 'email-sent')
BEGIN
  UPDATE customers SET first_sent_at = new.at
  WHERE id = new.customer_id AND (first_sent_at IS NULL OR first_sent_at > new.at);
END;
CREATE TRIGGER customers_first_authorized AFTER INSERT ON customer_events
WHEN new.type = 'verification-passed'
BEGIN
  UPDATE customers SET first_authorized_at = new.at
  WHERE id = new.customer_id AND (first_authorized_at IS NULL OR first_authorized_at > new.at);
END;
CREATE TRIGGER customers_first_checked_out AFTER INSERT ON customer_events
WHEN new.type = 'checked-out'
BEGIN
  UPDATE customers SET first_checked_out_at = new.at
  WHERE id = new.customer_id AND (first_checked_out_at IS NULL OR first_checked_out_at > new.at);
END;

-- Existing history (databases created before this migration).
UPDATE customers SET
  first_sent_at = (
    SELECT MIN(e.at) FROM customer_events e
    WHERE e.customer_id = customers.id
      AND e.type IN ('link-copied', 'instructions-copied', 'mail-client-opened', 'email-sent')
  ),
  first_authorized_at = (
    SELECT MIN(e.at) FROM customer_events e WHERE e.customer_id = customers.id AND e.type = 'verification-passed'
  ),
  first_checked_out_at = (
    SELECT MIN(e.at) FROM customer_events e WHERE e.customer_id = customers.id AND e.type = 'checked-out'
  );

-- Derived per customer (virtual: computed on read, stored only in the indexes below): the Monday of the week it
-- was created (UTC, ISO weeks) for the cohorts, and the seconds from link sent to authorized for the median
-- and 90th percentile.
ALTER TABLE customers ADD COLUMN created_week TEXT
  GENERATED ALWAYS AS (date(created_at, '-6 days', 'weekday 1')) VIRTUAL;
ALTER TABLE customers ADD COLUMN authorize_seconds REAL GENERATED ALWAYS AS (
  CASE WHEN first_sent_at IS NOT NULL AND first_authorized_at >= first_sent_at
    THEN unixepoch(first_authorized_at, 'subsec') - unixepoch(first_sent_at, 'subsec') END
) VIRTUAL;

-- Covering indexes for the reports: the date range (by creation), by owner and by reseller, each carrying the
-- columns the funnel counts so no report reads the wide customer rows.
CREATE INDEX customers_report_by_created ON customers (
  created_at, owner, reseller_mpn_id, first_sent_at, first_authorized_at, first_checked_out_at, status
);
CREATE INDEX customers_report_by_owner ON customers (
  owner, created_at, first_sent_at, first_authorized_at, first_checked_out_at
);
CREATE INDEX customers_report_by_reseller ON customers (
  reseller_mpn_id, created_at, reseller_name, first_sent_at, first_authorized_at, first_checked_out_at
);
CREATE INDEX customers_report_by_week ON customers (
  created_week, created_at, first_sent_at, first_authorized_at, first_checked_out_at
);
CREATE INDEX customers_report_time_to_authorize ON customers (authorize_seconds, created_at)
WHERE authorize_seconds IS NOT NULL;
-- The stalled list walks the customers still waiting in the order they were sent the link.
CREATE INDEX customers_report_waiting ON customers (first_sent_at, created_at)
WHERE first_authorized_at IS NULL AND status NOT IN ('checked-out', 'archived');
-- Duplicate detection on import looks customers up by domain prefix.
CREATE INDEX customers_import_domain_prefix ON customers (domain_prefix);
