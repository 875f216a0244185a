// The shapes email requests and answers take across IPC: a preview, the outcome of one send, a bulk result,
// a customer's email state (language, reminder schedule, snooze) and the "due today" list.
import { z } from 'zod';
import { emailLanguages, emailTemplateKinds } from './email-template';
import { emailSettingsSchema } from './email-settings';

export const emailTransports = ['smtp', 'mail-client'] as const;

export const emailPreviewSchema = z.object({
  customerId: z.string(),
  template: z.enum(emailTemplateKinds),
  language: z.enum(emailLanguages),
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
  // The customer's own choice; null: the default language from Settings.
  language: z.enum(emailLanguages).nullable(),
  effectiveLanguage: z.enum(emailLanguages),
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
  language: z.enum(emailLanguages),
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

export const emailSettingsViewSchema = z.object({
  settings: emailSettingsSchema,
  password: z.object({ configured: z.boolean() }),
});
