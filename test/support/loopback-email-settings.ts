// Email settings for the SMTP test server on loopback (no TLS; no account unless a user is named): what every
// email test starts from, with only what a test cares about overridden.
import type { EmailSettings } from '../../shared/email/email-settings';

export interface LoopbackEmailOptions {
  user?: string;
  fromAddress?: string;
  fromName?: string;
  defaultLanguage?: EmailSettings['defaultLanguage'];
  messagesPerMinute?: number;
}

export function loopbackEmailSettings(port: number, options: LoopbackEmailOptions = {}): EmailSettings {
  return {
    smtp: {
      host: '127.0.0.1',
      port,
      tlsMode: 'none',
      user: options.user ?? '',
      fromAddress: options.fromAddress ?? 'desk@contoso-dist.example',
      fromName: options.fromName ?? '',
    },
    defaultLanguage: options.defaultLanguage ?? 'en',
    reminderDays: [3, 7],
    messagesPerMinute: options.messagesPerMinute ?? 6000,
  };
}
