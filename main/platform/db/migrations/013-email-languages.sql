-- 013: languages of the user's own for customer emails (a BCP 47 code such as sv or pt-BR, and its name as
-- listed). Their templates are rows of email_templates under that code; a customer is set to one through
-- customers.email_language, as to a shipped language.
CREATE TABLE email_languages (
  code TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
