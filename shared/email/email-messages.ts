// The shapes email requests and answers take across IPC: a preview, the outcome of one send, a bulk result,
// a customer's email state (language, reminder schedule, snooze) and the "due today" list.
import { z } from 'zod';
import { emailLanguageSources } from './email-language';
import { emailLanguageCodeSchema, emailLanguageOptionSchema, emailTemplateKinds } from './email-template';
import { emailSettingsSchema } from './email-settings';

export const emailTransports = ['smtp', 'mail-client'] as const;

export const emailPreviewSchema = z.object({
  customerId: z.string(),
  template: z.enum(emailTemplateKinds),
  language: emailLanguageCodeSchema,
  // The language's name as listed (Ελληνικά, or the name the user gave their own).
  languageName: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  // A mailto: link this long gets cut off by mail clients: the message is copied instead.
  mailtoTooLong: z.boolean(),
});
export type EmailPreview = z.infer<typeof emailPreviewSchema>;

export const sendOutcomes = ['sent', 'already-sent', 'in-progress', 'failed', 'skipped'] as const;
export type SendOutcome = (typeof sendOutcomes)[number];

export const sendResultSchema = z.object({
  customerId: z.string(),
  companyName: z.string(),
  to: z.string(),
  outcome: z.enum(sendOutcomes),
  message: z.string(),
  // A failed send stays queued and is tried again later (null: it needs a person first).
  retryAt: z.string().nullable(),
});
export type SendResult = z.infer<typeof sendResultSchema>;

export const scheduledReminderSchema = z.object({ step: z.number().int(), dueAt: z.string(), sent: z.boolean() });

export const customerEmailStateSchema = z.object({
  customerId: z.string(),
  // The customer's own choice; null: worked out (the email domain's country, else the default in Settings).
  language: emailLanguageCodeSchema.nullable(),
  effectiveLanguage: emailLanguageCodeSchema,
  effectiveLanguageName: z.string(),
  languageSource: z.enum(emailLanguageSources),
  // The top-level domain the language came from ("gr"), when it came from the contact's address.
  languageTld: z.string().nullable(),
  // What the customer would be written in without a choice of their own.
  automaticLanguage: z.object({
    language: emailLanguageCodeSchema,
    name: z.string(),
    source: z.enum(emailLanguageSources),
    tld: z.string().nullable(),
  }),
  // Every language the customer can be set to.
  languages: z.array(emailLanguageOptionSchema),
  reminderDays: z.array(z.number().int()).nullable(),
  effectiveReminderDays: z.array(z.number().int()),
  snoozedUntil: z.string().nullable(),
  // Snoozed as of now (main's clock).
  snoozed: z.boolean(),
  linkSentAt: z.string().nullable(),
  reminders: z.array(scheduledReminderSchema),
  remindersActive: z.boolean(),
});
export type CustomerEmailState = z.infer<typeof customerEmailStateSchema>;

export const dueReminderSchema = z.object({
  customerId: z.string(),
  companyName: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  step: z.number().int(),
  dueAt: z.string(),
  language: emailLanguageCodeSchema,
  languageName: z.string(),
});
export type DueReminder = z.infer<typeof dueReminderSchema>;

// One window of the due list, with the count of the whole list (main keeps the rest).
export const dueRemindersWindowSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  reminders: z.array(dueReminderSchema),
});
export type DueRemindersWindow = z.infer<typeof dueRemindersWindowSchema>;

export const unsentEmailSchema = z.object({
  id: z.number().int(),
  customerId: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(['pending', 'running', 'failed']),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  attempts: z.number().int(),
});
export type UnsentEmail = z.infer<typeof unsentEmailSchema>;

// The oldest few unsent emails and how many there are: a bulk send through a refused password leaves one per
// recipient, and the list must not grow with them.
export const unsentEmailsWindowLimit = 50;
export const unsentEmailsSchema = z.object({
  emails: z.array(unsentEmailSchema).max(unsentEmailsWindowLimit),
  total: z.number().int().min(0),
  failed: z.number().int().min(0),
});
export type UnsentEmails = z.infer<typeof unsentEmailsSchema>;

export const emailSettingsViewSchema = z.object({
  settings: emailSettingsSchema,
  password: z.object({ configured: z.boolean() }),
});
