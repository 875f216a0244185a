// The email channels' handlers: thin calls into the email services.
import type { emailChannels } from '../../../shared/ipc/channels/email';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { CustomerService } from '../customers/customer-service';
import type { EmailServices } from './email-services';

export function createEmailHandlers({
  email,
  customers,
}: {
  email: Pick<EmailServices, 'settings' | 'send' | 'reminders'>;
  customers: Pick<CustomerService, 'get'>;
}): HandlersOf<typeof emailChannels> {
  const { settings, send, reminders } = email;
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
    sendBulkEmail: async ({ operationId, customerIds, template }) =>
      send.sendBulk(
        operationId,
        [...new Set(customerIds)].map((customerId) => ({ customerId, template, step: operationId })),
        'send-email',
      ),
    getCustomerEmail: async ({ customerId }) => reminders.state(customerId),
    setCustomerEmailPreferences: async ({ customerId, language, reminderDays }) =>
      reminders.setPreferences(customerId, { language, reminderDays }),
    snoozeReminders: async ({ customerId, days }) => reminders.snooze(customerId, days),
    listDueReminders: async () => reminders.listDue(),
    sendDueReminders: async ({ operationId, customerIds }) => reminders.sendDue(operationId, customerIds),
    listUnsentEmails: async () => send.listUnsent(),
    retryFailedEmails: async () => send.retryFailedNow(),
  };
}
