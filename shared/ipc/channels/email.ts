// The channels of email hand-off and follow-ups: settings and templates, preview and send, bulk send with
// progress, reminders, and what is still waiting to be sent.
import { z } from 'zod';
import { emailSchema } from '../../domain/validation';
import { emailSettingsSchema } from '../../email/email-settings';
import {
  customerEmailStateSchema,
  dueRemindersWindowSchema,
  emailPreviewSchema,
  emailSettingsViewSchema,
  sendResultSchema,
  unsentEmailsSchema,
} from '../../email/email-messages';
import {
  customEmailLanguageSchema,
  emailLanguageCodeSchema,
  emailLanguageOptionSchema,
  emailTemplateKinds,
  emailTemplateSchema,
  storedEmailTemplateSchema,
} from '../../email/email-template';
import { sendSummarySchema } from '../../email/send-summary';
import { recipientsPreviewSchema } from '../../email/bulk-recipients';
import { customerSelectionSchema } from '../../domain/customer-selection';
import type { Channels } from '../channel';
import { customerDetailSchema } from '../customer-detail';
import { customerId, noArguments } from '../ids';

const template = z.enum(emailTemplateKinds);
// A shipped language or one the user added (main refuses a code it does not know); null: the customer's.
const language = emailLanguageCodeSchema.nullable();
// A fresh id per click: the same id again (double click, retry) never sends a second message.
const requestId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'A request id is 8 to 64 letters, digits or dashes.');

export const emailChannels = {
  getEmailSettings: { request: noArguments, response: emailSettingsViewSchema },
  saveEmailSettings: {
    request: z
      .object({
        settings: emailSettingsSchema,
        // Absent: keep the stored password; null: remove it; a string: store it in the OS keychain.
        password: z.string().max(1000).nullable().optional(),
      })
      .strict(),
    response: emailSettingsViewSchema,
  },
  sendTestEmail: { request: z.object({ to: emailSchema }).strict(), response: z.object({ message: z.string() }) },
  listEmailTemplates: { request: noArguments, response: z.array(storedEmailTemplateSchema) },
  saveEmailTemplate: { request: emailTemplateSchema.strict(), response: storedEmailTemplateSchema },
  resetEmailTemplate: {
    request: z.object({ kind: template, language: emailLanguageCodeSchema }).strict(),
    response: storedEmailTemplateSchema,
  },
  // The languages emails can be written in; the user adds their own (its templates start from English).
  listEmailLanguages: { request: noArguments, response: z.array(emailLanguageOptionSchema) },
  addEmailLanguage: { request: customEmailLanguageSchema.strict(), response: z.array(emailLanguageOptionSchema) },
  removeEmailLanguage: {
    request: z.object({ code: emailLanguageCodeSchema }).strict(),
    response: z.array(emailLanguageOptionSchema),
  },
  previewEmail: { request: z.object({ customerId, template, language }).strict(), response: emailPreviewSchema },
  sendEmail: {
    request: z.object({ customerId, template, language, requestId }).strict(),
    response: z.object({ detail: customerDetailSchema, result: sendResultSchema }),
  },
  openEmailInMailClient: {
    request: z.object({ customerId, template, language }).strict(),
    response: z.object({ detail: customerDetailSchema, opened: z.boolean(), preview: emailPreviewSchema }),
  },
  recordEmailCopied: {
    request: z.object({ customerId, template, language }).strict(),
    response: customerDetailSchema,
  },
  // The ticked customers or the queue's filter; main resolves them to the recipients.
  previewBulkEmail: {
    request: z.object({ recipients: customerSelectionSchema }).strict(),
    response: recipientsPreviewSchema,
  },
  sendBulkEmail: {
    request: z.object({ operationId: requestId, recipients: customerSelectionSchema, template }).strict(),
    response: sendSummarySchema,
  },
  // For the user's own mail app's mail merge: one row per recipient, with the link to put in the message.
  // main asks where to save it and streams the rows into the file (progress and Cancel as for an export);
  // fileName null: the user closed the save dialog.
  exportMailMergeCsv: {
    request: z.object({ recipients: customerSelectionSchema, operationId: requestId }).strict(),
    response: z.object({ fileName: z.string().nullable(), rows: z.number().int(), cancelled: z.boolean() }),
  },
  getCustomerEmail: { request: z.object({ customerId }).strict(), response: customerEmailStateSchema },
  setCustomerEmailPreferences: {
    request: z
      .object({
        customerId,
        language,
        reminderDays: z.array(z.number().int().min(1).max(365)).max(10).nullable(),
      })
      .strict(),
    response: z.object({ detail: customerDetailSchema, state: customerEmailStateSchema }),
  },
  snoozeReminders: {
    request: z.object({ customerId, days: z.number().int().min(1).max(90) }).strict(),
    response: z.object({ detail: customerDetailSchema, state: customerEmailStateSchema }),
  },
  listDueReminders: {
    request: z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(200) }).strict(),
    response: dueRemindersWindowSchema,
  },
  // customerIds null: every reminder due now, resolved in main.
  sendDueReminders: {
    request: z.object({ operationId: requestId, customerIds: z.array(customerId).max(5000).nullable() }).strict(),
    response: sendSummarySchema,
  },
  listUnsentEmails: { request: noArguments, response: unsentEmailsSchema },
  // Every failed email once more; the summary counts them all and lists those not sent first.
  retryFailedEmails: { request: noArguments, response: sendSummarySchema },
} as const satisfies Channels;
