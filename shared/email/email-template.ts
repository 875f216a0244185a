// Email templates: the kinds AuthDesk sends, the languages it ships (and the user's own ones), the placeholders
// a template may use, and the shape of a template (subject and plain-text body with {{placeholders}}).
import { z } from 'zod';
import { isShippedLanguage, languageNativeNames, shippedLanguages } from '../domain/languages';

export const emailTemplateKinds = ['invitation', 'reminder', 'partial-acceptance', 'thank-you'] as const;
export type EmailTemplateKind = (typeof emailTemplateKinds)[number];

export const emailTemplateKindLabels: Record<EmailTemplateKind, string> = {
  invitation: 'Invitation',
  reminder: 'Reminder',
  'partial-acceptance': 'Partial acceptance (what is still missing)',
  'thank-you': 'Thank you (after authorization)',
};

// The languages AuthDesk ships templates in: the same as its screens'.
export const emailLanguages = shippedLanguages;
export type EmailLanguage = (typeof emailLanguages)[number];

export const emailLanguageLabels: Record<EmailLanguage, string> = {
  en: 'English',
  de: 'Deutsch (German)',
  fr: 'Français (French)',
  es: 'Español (Spanish)',
  it: 'Italiano (Italian)',
  nl: 'Nederlands (Dutch)',
  pt: 'Português (Portuguese)',
  pl: 'Polski (Polish)',
  el: 'Ελληνικά (Greek)',
};

// Any language a message may be written in: a shipped one, or one the user added (a BCP 47 tag such as "sv" or
// "pt-BR"). Which user languages exist is main's to check; this only says what a code looks like.
export type EmailLanguageCode = string;
export const emailLanguageCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/, 'Enter a language code such as sv, cs or pt-BR.');

// A language the user added, with its name as they want it listed ("Svenska").
export const customEmailLanguageSchema = z.object({
  code: emailLanguageCodeSchema,
  name: z
    .string()
    .trim()
    .min(1, 'Enter the language’s name.')
    .max(60, 'Keep the name under 60 characters.')
    .refine((value) => !/[\r\n]/.test(value), 'The name must be a single line.'),
});
export type CustomEmailLanguage = z.infer<typeof customEmailLanguageSchema>;

// A language as the pickers list it: shipped ones named in themselves, the user's own by the name they gave.
export const emailLanguageOptionSchema = z.object({ code: z.string(), name: z.string(), custom: z.boolean() });
export type EmailLanguageOption = z.infer<typeof emailLanguageOptionSchema>;

export const shippedEmailLanguageOptions = (): EmailLanguageOption[] =>
  emailLanguages.map((code) => ({ code, name: languageNativeNames[code], custom: false }));

export const isEmailLanguage = (code: string): code is EmailLanguage => isShippedLanguage(code);

// The two codes name the same language ("PT-br" and "pt-BR"): BCP 47 tags are case-insensitive.
export const sameLanguageCode = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const placeholderNames = [
  'companyName',
  'contactName',
  'link',
  'resellerName',
  'partnerOrganization',
  'defaultDomain',
  'instructions',
  'missingParts',
  'gdapLink',
  'gdapInstructions',
  'signature',
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
  gdapLink: 'the link to approve the customer’s pending GDAP request (empty when there is none)',
  gdapInstructions: 'a short paragraph explaining the GDAP request, with its link (empty when there is none)',
  signature: 'who signs: your signature from the partner profile, else your name and organisation',
};

export const emailTemplateSchema = z.object({
  kind: z.enum(emailTemplateKinds),
  language: emailLanguageCodeSchema,
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
