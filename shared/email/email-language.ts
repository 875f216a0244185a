// Which language a customer is written to: the customer's own choice, else the language of the country of the
// contact's email domain where that country speaks one clearly (.gr: Greek), else the default in Settings.
import type { EmailLanguage, EmailLanguageCode } from './email-template';

// Only country domains whose businesses write in one language. Not here, on purpose: .ch .be .lu .ca (several
// languages), .cy (Greek and Turkish, and much business there is in English), and the generic .com .net .org
// .eu .io .co, which say nothing about a country.
export const countryDomainLanguages: Readonly<Record<string, EmailLanguage>> = {
  uk: 'en',
  ie: 'en',
  de: 'de',
  at: 'de',
  li: 'de',
  fr: 'fr',
  es: 'es',
  it: 'it',
  nl: 'nl',
  pt: 'pt',
  br: 'pt',
  pl: 'pl',
  gr: 'el',
};

// The language the contact's address implies, with the top-level domain that says so; null when unclear.
export function languageOfEmailDomain(email: string): { language: EmailLanguage; tld: string } | null {
  const domain = email.trim().toLowerCase().split('@').pop() ?? '';
  const tld = domain.replace(/\.$/, '').split('.').pop() ?? '';
  if (!domain.includes('.') || !Object.hasOwn(countryDomainLanguages, tld)) return null;
  const language = countryDomainLanguages[tld];
  return language ? { language, tld } : null;
}

export const emailLanguageSources = ['customer', 'domain', 'default'] as const;
export type EmailLanguageSource = (typeof emailLanguageSources)[number];

export interface ResolvedEmailLanguage {
  language: EmailLanguageCode;
  source: EmailLanguageSource;
  // The top-level domain the language came from (source 'domain'), else null.
  tld: string | null;
}

export function resolveEmailLanguage(input: {
  // The customer's own choice (null: none); ignored when that language no longer exists.
  choice: EmailLanguageCode | null;
  contactEmail: string;
  defaultLanguage: EmailLanguageCode;
  available: (code: EmailLanguageCode) => boolean;
}): ResolvedEmailLanguage {
  if (input.choice !== null && input.available(input.choice)) {
    return { language: input.choice, source: 'customer', tld: null };
  }
  const fromDomain = languageOfEmailDomain(input.contactEmail);
  if (fromDomain) return { language: fromDomain.language, source: 'domain', tld: fromDomain.tld };
  return { language: input.defaultLanguage, source: 'default', tld: null };
}
