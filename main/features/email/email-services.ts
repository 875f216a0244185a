// The email services built together on one context: settings and templates, sending, reminders, and the
// background retry of failed sends (stopped when the app closes).
import type { CredentialStore } from '../../platform/keychain/credential-store';
import { sendWithNodemailer, type Mailer } from './smtp-mailer';
import type { OpenExternal } from '../../platform/security/external-url-policy';
import { createEmailService, type EmailService } from './email-service';
import { createEmailSettingsService, type EmailSettingsService } from './email-settings-service';
import { createReminderService, type ReminderService } from './reminder-service';
import type { ServiceContext } from '../../platform/service-context';

export interface EmailServices {
  settings: EmailSettingsService;
  send: EmailService;
  reminders: ReminderService;
  stop(): void;
}

// Failed sends that may work later (server busy, connection refused) are retried on this beat.
const retryIntervalMs = 60_000;

export function createEmailServices(
  context: ServiceContext,
  dependencies: { credentials: CredentialStore; openExternal: OpenExternal; mailer?: Mailer },
): EmailServices {
  const settings = createEmailSettingsService(context, dependencies.credentials);
  const send = createEmailService(context, {
    settings,
    mailer: dependencies.mailer ?? sendWithNodemailer,
    openExternal: dependencies.openExternal,
  });
  const reminders = createReminderService(context, { settings, email: send });
  const stop = send.startRetrying(retryIntervalMs);
  return { settings, send, reminders, stop };
}
