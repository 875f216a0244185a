-- 005: email hand-off and follow-ups. The language a customer is written to (NULL: the default in the email
-- settings), the user's edits of the shipped templates, and each customer's reminder schedule and snooze.
ALTER TABLE customers ADD COLUMN email_language TEXT;

CREATE TABLE email_templates (
  kind TEXT NOT NULL,
  language TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, language)
);

-- reminder_days NULL: the default schedule from the email settings.
CREATE TABLE customer_reminders (
  customer_id TEXT PRIMARY KEY NOT NULL REFERENCES customers (id),
  reminder_days TEXT CHECK (reminder_days IS NULL OR json_valid(reminder_days)),
  snoozed_until TEXT,
  updated_at TEXT NOT NULL
);

CREATE INDEX outbox_kind_status ON outbox (kind, status);
