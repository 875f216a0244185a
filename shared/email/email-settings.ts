// The email settings the user edits: how to reach the SMTP server (its password lives in the OS keychain,
// never here), who the mail is from, the default language, the reminder schedule and the sending pace.
import { z } from 'zod';
import { isLoopbackHost } from '../domain/loopback-host';
import { emailSchema } from '../domain/validation';
import { emailLanguages } from './email-template';

export const smtpTlsModes = ['none', 'starttls', 'tls'] as const;
export type SmtpTlsMode = (typeof smtpTlsModes)[number];
export const smtpTlsModeLabels: Record<SmtpTlsMode, string> = {
  none: 'None (plain, for a local relay)',
  starttls: 'STARTTLS (usually port 587)',
  tls: 'TLS from the start (usually port 465)',
};

export const reminderOffsetsSchema = z
  .array(z.number().int('Reminders are whole days.').min(1, 'A reminder is at least 1 day after the link.').max(365))
  .max(10, 'At most 10 reminders.')
  .transform((days) => [...new Set(days)].sort((a, b) => a - b));

// "3, 7" as typed in a field: the shared parser so Settings and the customer panel say the same thing.
export function parseReminderDays(text: string): { days: number[] } | { error: string } {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.some((part) => !/^\d+$/.test(part))) {
    return { error: 'Enter whole numbers of days separated by commas, such as 3, 7.' };
  }
  const parsed = reminderOffsetsSchema.safeParse(parts.map(Number));
  return parsed.success ? { days: parsed.data } : { error: parsed.error.issues[0]?.message ?? 'Invalid days.' };
}

export const smtpSettingsSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1, 'Enter the SMTP server’s host name.')
    .max(253)
    .regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/, 'Enter a host name such as smtp.office365.com.'),
  port: z
    .number()
    .int('Enter a port number.')
    .min(1, 'Ports run from 1 to 65535.')
    .max(65535, 'Ports run from 1 to 65535.'),
  tlsMode: z.enum(smtpTlsModes),
  // Blank: the server takes mail without signing in (a local relay).
  user: z.string().trim().max(254),
  fromAddress: emailSchema,
  fromName: z
    .string()
    .trim()
    .max(200)
    .refine((value) => !/[\r\n"<>]/.test(value), 'The sender name cannot contain quotes or angle brackets.'),
});
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

// Why AuthDesk will not use these settings, or null. Without TLS the password and the customers' links would
// cross the network readable, so plaintext is only for a relay on this computer.
export function smtpSettingsProblem(smtp: Pick<SmtpSettings, 'host' | 'tlsMode'>): string | null {
  if (smtp.tlsMode === 'none' && !isLoopbackHost(smtp.host)) {
    return `Without TLS AuthDesk sends only through a relay on this computer (localhost): choose STARTTLS or TLS for ${smtp.host}.`;
  }
  return null;
}

// The password belongs to one account on one server: it is kept only while host, port and user stay the same.
export function sameSmtpAccount(a: SmtpSettings | null, b: SmtpSettings | null): boolean {
  if (a === null || b === null) return false;
  return a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port && a.user === b.user;
}

export const emailSettingsSchema = z.object({
  smtp: smtpSettingsSchema.nullable(),
  defaultLanguage: z.enum(emailLanguages),
  reminderDays: reminderOffsetsSchema,
  // Throttle for bulk sends and reminders: SMTP providers limit messages per minute.
  messagesPerMinute: z.number().int().min(1, 'At least 1 message a minute.').max(10000, 'At most 10,000 a minute.'),
});
export type EmailSettings = z.infer<typeof emailSettingsSchema>;

export const defaultEmailSettings: EmailSettings = {
  smtp: null,
  defaultLanguage: 'en',
  reminderDays: [3, 7],
  messagesPerMinute: 30,
};
