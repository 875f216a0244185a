// Email data in SQLite: the email settings (a JSON row in settings), the user's template edits and own
// languages, each customer's language, reminder schedule and snooze, and when a customer's link first left
// AuthDesk.
import type { Database } from 'better-sqlite3';
import { defaultEmailSettings, emailSettingsSchema, type EmailSettings } from '../../../shared/email/email-settings';
import type {
  CustomEmailLanguage,
  EmailLanguageCode,
  EmailTemplate,
  EmailTemplateKind,
} from '../../../shared/email/email-template';
import type { CustomerStatus } from '../../../shared/domain/customer-status';
import { statementCache } from '../../platform/db/statement-cache';

const emailSettingsKey = 'email-settings';

// The events that mean the link reached the customer: the reminder clock starts at the first of them.
const handOffEventTypes = ['link-copied', 'instructions-copied', 'mail-client-opened', 'email-sent'];

interface TemplateRow {
  kind: EmailTemplateKind;
  language: EmailLanguageCode;
  subject: string;
  body: string;
}

// Customers that may have a reminder due (waiting for the customer, link handed over), with what the schedule
// needs, in one query: first_sent_at is kept on the row by migration 004's trigger on the history. The names
// and addresses are read only for the reminders shown (reminderDetails): migration 015's index covers this
// query, so it never reads a whole customer row.
export const reminderCandidatesSql = `SELECT c.seq, c.id, c.status, c.first_sent_at, r.reminder_days, r.snoozed_until
  FROM customers c LEFT JOIN customer_reminders r ON r.customer_id = c.id
  WHERE c.status IN ('sent', 'needs-attention') AND c.first_sent_at IS NOT NULL
  ORDER BY c.seq`;

const statements = statementCache((db) => ({
  getSetting: db.prepare<{ key: string }, { value: string }>('SELECT value FROM settings WHERE key = @key'),
  putSetting: db.prepare<{ key: string; value: string; updatedAt: string }>(
    `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @updatedAt)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ),
  listTemplates: db.prepare<[], TemplateRow>('SELECT kind, language, subject, body FROM email_templates'),
  getTemplate: db.prepare<{ kind: string; language: string }, TemplateRow>(
    'SELECT kind, language, subject, body FROM email_templates WHERE kind = @kind AND language = @language',
  ),
  putTemplate: db.prepare<TemplateRow & { updatedAt: string }>(
    `INSERT INTO email_templates (kind, language, subject, body, updated_at)
     VALUES (@kind, @language, @subject, @body, @updatedAt)
     ON CONFLICT (kind, language) DO UPDATE SET subject = excluded.subject, body = excluded.body,
       updated_at = excluded.updated_at`,
  ),
  deleteTemplate: db.prepare<{ kind: string; language: string }>(
    'DELETE FROM email_templates WHERE kind = @kind AND language = @language',
  ),
  listLanguages: db.prepare<[], CustomEmailLanguage>(
    'SELECT code, name FROM email_languages ORDER BY name COLLATE NOCASE',
  ),
  insertLanguage: db.prepare<CustomEmailLanguage & { createdAt: string }>(
    'INSERT INTO email_languages (code, name, created_at) VALUES (@code, @name, @createdAt)',
  ),
  deleteLanguage: db.prepare<{ code: string }>('DELETE FROM email_languages WHERE code = @code'),
  deleteLanguageTemplates: db.prepare<{ code: string }>(
    'DELETE FROM email_templates WHERE language = @code COLLATE NOCASE',
  ),
  getLanguage: db.prepare<{ id: string }, { email_language: string | null }>(
    'SELECT email_language FROM customers WHERE id = @id',
  ),
  setLanguage: db.prepare<{ id: string; language: string | null }>(
    'UPDATE customers SET email_language = @language WHERE id = @id',
  ),
  getReminders: db.prepare<{ id: string }, { reminder_days: string | null; snoozed_until: string | null }>(
    'SELECT reminder_days, snoozed_until FROM customer_reminders WHERE customer_id = @id',
  ),
  putReminders: db.prepare<{ id: string; days: string | null; snoozedUntil: string | null; updatedAt: string }>(
    `INSERT INTO customer_reminders (customer_id, reminder_days, snoozed_until, updated_at)
     VALUES (@id, @days, @snoozedUntil, @updatedAt)
     ON CONFLICT (customer_id) DO UPDATE SET reminder_days = excluded.reminder_days,
       snoozed_until = excluded.snoozed_until, updated_at = excluded.updated_at`,
  ),
  linkSentAt: db.prepare<{ id: string }, { at: string | null }>(
    `SELECT MIN(at) AS at FROM customer_events
     WHERE customer_id = @id AND type IN (${handOffEventTypes.map((type) => `'${type}'`).join(', ')})`,
  ),
  reminderCandidates: db.prepare<[], ReminderCandidateRow>(reminderCandidatesSql),
  reminderDetails: db.prepare<{ seq: number }, ReminderDetailsRow>(
    'SELECT company_name, contact_name, contact_email, email_language FROM customers WHERE seq = @seq',
  ),
}));

export function getEmailSettings(db: Database): EmailSettings {
  const row = statements(db).getSetting.get({ key: emailSettingsKey });
  return row ? emailSettingsSchema.parse(JSON.parse(row.value)) : defaultEmailSettings;
}

export function saveEmailSettings(db: Database, settings: EmailSettings, now: Date): EmailSettings {
  const value = emailSettingsSchema.parse(settings);
  statements(db).putSetting.run({ key: emailSettingsKey, value: JSON.stringify(value), updatedAt: now.toISOString() });
  return value;
}

export function listTemplateEdits(db: Database): EmailTemplate[] {
  return statements(db).listTemplates.all();
}

export function getTemplateEdit(
  db: Database,
  kind: EmailTemplateKind,
  language: EmailLanguageCode,
): EmailTemplate | null {
  return statements(db).getTemplate.get({ kind, language }) ?? null;
}

export function saveTemplateEdit(db: Database, template: EmailTemplate, now: Date): void {
  statements(db).putTemplate.run({ ...template, updatedAt: now.toISOString() });
}

export function deleteTemplateEdit(db: Database, kind: EmailTemplateKind, language: EmailLanguageCode): void {
  statements(db).deleteTemplate.run({ kind, language });
}

export function listCustomLanguages(db: Database): CustomEmailLanguage[] {
  return statements(db).listLanguages.all();
}

export function insertCustomLanguage(db: Database, language: CustomEmailLanguage, now: Date): void {
  statements(db).insertLanguage.run({ ...language, createdAt: now.toISOString() });
}

// The language and the templates written in it. Customers set to it are left as they are: a language that no
// longer exists is passed over when their language is worked out, and comes back if it is added again.
export function deleteCustomLanguage(db: Database, code: EmailLanguageCode): void {
  db.transaction(() => {
    statements(db).deleteLanguageTemplates.run({ code });
    statements(db).deleteLanguage.run({ code });
  })();
}

// The customer's own choice, as stored (it may name a language since removed); null: none.
export function getCustomerLanguage(db: Database, customerId: string): EmailLanguageCode | null {
  return statements(db).getLanguage.get({ id: customerId })?.email_language ?? null;
}

export function setCustomerLanguage(db: Database, customerId: string, language: EmailLanguageCode | null): void {
  statements(db).setLanguage.run({ id: customerId, language });
}

export interface CustomerReminderSettings {
  // null: the default schedule from the email settings.
  reminderDays: number[] | null;
  snoozedUntil: string | null;
}

export function getCustomerReminders(db: Database, customerId: string): CustomerReminderSettings {
  const row = statements(db).getReminders.get({ id: customerId });
  return {
    reminderDays: row?.reminder_days ? (JSON.parse(row.reminder_days) as number[]) : null,
    snoozedUntil: row?.snoozed_until ?? null,
  };
}

export function saveCustomerReminders(
  db: Database,
  customerId: string,
  reminders: CustomerReminderSettings,
  now: Date,
): void {
  statements(db).putReminders.run({
    id: customerId,
    days: reminders.reminderDays ? JSON.stringify(reminders.reminderDays) : null,
    snoozedUntil: reminders.snoozedUntil,
    updatedAt: now.toISOString(),
  });
}

export function getLinkSentAt(db: Database, customerId: string): string | null {
  return statements(db).linkSentAt.get({ id: customerId })?.at ?? null;
}

interface ReminderCandidateRow {
  seq: number;
  id: string;
  status: CustomerStatus;
  first_sent_at: string;
  reminder_days: string | null;
  snoozed_until: string | null;
}

interface ReminderDetailsRow {
  company_name: string;
  contact_name: string;
  contact_email: string;
  email_language: string | null;
}

export interface ReminderCandidate {
  // The customer's row, for reading its details (reminderDetails) once its reminder is to be shown.
  seq: number;
  customerId: string;
  status: CustomerStatus;
  linkSentAt: string;
  // null: the default schedule from the email settings.
  reminderDays: number[] | null;
  snoozedUntil: string | null;
}

export interface ReminderDetails {
  companyName: string;
  contactName: string;
  contactEmail: string;
  language: EmailLanguageCode | null;
}

export function listReminderCandidates(db: Database): ReminderCandidate[] {
  return statements(db)
    .reminderCandidates.all()
    .map((row) => ({
      seq: row.seq,
      customerId: row.id,
      status: row.status,
      linkSentAt: row.first_sent_at,
      reminderDays: row.reminder_days ? (JSON.parse(row.reminder_days) as number[]) : null,
      snoozedUntil: row.snoozed_until,
    }));
}

// null: the customer is gone.
export function reminderDetails(db: Database, seq: number): ReminderDetails | null {
  const row = statements(db).reminderDetails.get({ seq });
  return row
    ? {
        companyName: row.company_name,
        contactName: row.contact_name,
        contactEmail: row.contact_email,
        language: row.email_language,
      }
    : null;
}
