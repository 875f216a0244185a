// The email services built together on one context: settings and templates, sending, reminders, and the
// outbox handler that sends recorded messages. They have no timer of their own: the one outbox worker runs
// and retries every message, and bulk sends pace themselves on the timers given here.
import type { CredentialStore } from '../../platform/keychain/credential-store';
import type { Timers } from '../../platform/clock/timers';
import type { OutboxWorker } from '../../platform/outbox/outbox-worker';
import { sendWithNodemailer, type Mailer } from './smtp-mailer';
import type { OpenExternal } from '../../platform/security/external-url-policy';
import { createEmailService, type EmailService } from './email-service';
import { createEmailOutboxHandler } from './email-outbox-handler';
import { createEmailSettingsService, type EmailSettingsService } from './email-settings-service';
import { createReminderService, type ReminderService } from './reminder-service';
import type { ServiceContext } from '../../platform/service-context';
import type { GdapService } from '../gdap/gdap-service';
import type { EmailClaims } from './team-email-claims';
import { createBulkRecipients, type BulkRecipients, type SelectedCustomers } from './bulk-recipients';
import type { CsvFileExport } from '../import-export/csv-file-export';

export interface EmailServices {
  settings: EmailSettingsService;
  send: EmailService;
  reminders: ReminderService;
  recipients: BulkRecipients;
  // Ends bulk sends still pacing; the worker itself is stopped with the offline services.
  stop(): void;
}

export function createEmailServices(
  context: ServiceContext,
  dependencies: {
    credentials: CredentialStore;
    openExternal: OpenExternal;
    // The email handler is registered with it here, before it starts.
    worker: OutboxWorker;
    timers: Timers;
    // How the queue resolves a selection: a bulk email to the ticked customers or "every customer in the view".
    selectedCustomers: SelectedCustomers;
    // The streamed CSV file export, for the mail merge.
    files: Pick<CsvFileExport, 'customerRowsToFile'>;
    mailer?: Mailer;
    // The GDAP relationships, so an email carries a pending request's approval link.
    gdap?: Pick<GdapService, 'get'>;
    // In a team: reminders and bulk emails are claimed in the team database before they are sent.
    claims?: EmailClaims;
  },
): EmailServices {
  const settings = createEmailSettingsService(context, dependencies.credentials);
  const mailer = dependencies.mailer ?? sendWithNodemailer;
  dependencies.worker.register(
    createEmailOutboxHandler(context, {
      settings,
      mailer,
      ...(dependencies.claims ? { claims: dependencies.claims } : {}),
    }),
  );
  const send = createEmailService(context, {
    settings,
    mailer,
    openExternal: dependencies.openExternal,
    worker: dependencies.worker,
    timers: dependencies.timers,
    ...(dependencies.gdap ? { gdap: dependencies.gdap } : {}),
  });
  const reminders = createReminderService(context, { settings, email: send });
  const recipients = createBulkRecipients(context, dependencies.selectedCustomers, dependencies.files);
  return { settings, send, reminders, recipients, stop: () => send.stop() };
}
