// The email channels' handlers: thin calls into the email services.
import type { emailChannels } from '../../../shared/ipc/channels/email';
import { summarizeSends } from '../../../shared/email/send-summary';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { CustomerService } from '../customers/customer-service';
import type { EmailServices } from './email-services';

export function createEmailHandlers({
  email,
  customers,
}: {
  email: Pick<EmailServices, 'settings' | 'send' | 'reminders' | 'recipients'>;
  customers: Pick<CustomerService, 'get'>;
}): HandlersOf<typeof emailChannels> {
  const { settings, send, reminders, recipients: bulkRecipients } = email;
  return {
    getEmailSettings: async () => settings.get(),
    saveEmailSettings: async ({ settings: values, password }) => settings.save(values, password),
    sendTestEmail: async ({ to }) => send.sendTest(to),
    listEmailTemplates: async () => settings.listTemplates(),
    saveEmailTemplate: async (template) => settings.saveTemplate(template),
    resetEmailTemplate: async ({ kind, language }) => settings.resetTemplate(kind, language),
    listEmailLanguages: async () => settings.languages(),
    addEmailLanguage: async (language) => settings.addLanguage(language),
    removeEmailLanguage: async ({ code }) => settings.removeLanguage(code),
    previewEmail: async ({ customerId, template, language }) => send.preview(customerId, template, language),
    sendEmail: async ({ customerId, template, language, requestId }) => {
      const result = await send.send(customerId, template, language, requestId);
      return { result, detail: customers.get(customerId) };
    },
    openEmailInMailClient: async ({ customerId, template, language }) =>
      send.openInMailClient(customerId, template, language),
    recordEmailCopied: async ({ customerId, template, language }) => send.recordCopied(customerId, template, language),
    // One operation id per click: the step of every message it sends, so the same click never sends twice.
    previewBulkEmail: async ({ recipients }) => bulkRecipients.preview(recipients),
    sendBulkEmail: async ({ operationId, recipients, template }) =>
      summarizeSends(
        await send.sendBulk(
          operationId,
          bulkRecipients.ids(recipients).map((customerId) => ({ customerId, template, step: operationId })),
          'send-email',
        ),
      ),
    exportMailMergeCsv: async ({ recipients, operationId }) => bulkRecipients.mailMergeCsv(recipients, operationId),
    getCustomerEmail: async ({ customerId }) => reminders.state(customerId),
    setCustomerEmailPreferences: async ({ customerId, language, reminderDays }) =>
      reminders.setPreferences(customerId, { language, reminderDays }),
    snoozeReminders: async ({ customerId, days }) => reminders.snooze(customerId, days),
    listDueReminders: async ({ offset, limit }) => reminders.dueWindow(offset, limit),
    sendDueReminders: async ({ operationId, customerIds }) =>
      summarizeSends(await reminders.sendDue(operationId, customerIds)),
    listUnsentEmails: async () => send.listUnsent(),
    retryFailedEmails: async () => summarizeSends(await send.retryFailedNow()),
  };
}
