// Email templates: the kinds AuthDesk sends, the languages it ships, the placeholders a template may use,
// and the shape of a template (subject and plain-text body with {{placeholders}}).
import { z } from 'zod';

export const emailTemplateKinds = ['invitation', 'reminder', 'partial-acceptance', 'thank-you'] as const;
export type EmailTemplateKind = (typeof emailTemplateKinds)[number];

export const emailTemplateKindLabels: Record<EmailTemplateKind, string> = {
  invitation: 'Invitation',
  reminder: 'Reminder',
  'partial-acceptance': 'Partial acceptance (what is still missing)',
  'thank-you': 'Thank you (after authorization)',
};

export const emailLanguages = ['en', 'de'] as const;
export type EmailLanguage = (typeof emailLanguages)[number];

export const emailLanguageLabels: Record<EmailLanguage, string> = { en: 'English', de: 'Deutsch (German)' };

export const placeholderNames = [
  'companyName',
  'contactName',
  'link',
  'resellerName',
  'partnerOrganization',
  'defaultDomain',
  'instructions',
  'missingParts',
] as const;
export type PlaceholderName = (typeof placeholderNames)[number];
export type PlaceholderValues = Record<PlaceholderName, string>;

export const placeholderDescriptions: Record<PlaceholderName, string> = {
  companyName: 'the customer’s company',
  contactName: 'the contact’s name',
  link: 'the authorization link',
  resellerName: 'the reseller (for direct customers: your organisation)',
  partnerOrganization: 'your organisation (partner profile)',
  defaultDomain: 'the customer’s default domain',
  instructions: 'step-by-step instructions, including that a Global administrator must accept',
  missingParts: 'what the last verification found still missing, one line each',
};

export const emailTemplateSchema = z.object({
  kind: z.enum(emailTemplateKinds),
  language: z.enum(emailLanguages),
  subject: z
    .string()
    .trim()
    .min(1, 'Enter a subject.')
    .max(300, 'Keep the subject under 300 characters.')
    .refine((value) => !/[\r\n]/.test(value), 'The subject must be a single line.'),
  body: z.string().trim().min(1, 'Enter the message.').max(20000, 'Keep the message under 20,000 characters.'),
});
export type EmailTemplate = z.infer<typeof emailTemplateSchema>;

// A template as listed in Settings: the effective text, and whether the user changed the shipped default.
export const storedEmailTemplateSchema = emailTemplateSchema.extend({ edited: z.boolean() });
export type StoredEmailTemplate = z.infer<typeof storedEmailTemplateSchema>;
