// translateMessage(): a message from shared/ (zod schemas, rule texts) or main/ (AppError, SMTP, import
// problems) in the screen's language, through the 'messages' catalog; unknown messages stay as they are.
import { i18n, currentLanguage } from './i18n';
import { createMessageTranslator, type MessageTranslator } from './message-matcher';

type Catalog = Parameters<typeof createMessageTranslator>[0];

const translators = new Map<string, MessageTranslator>();

// The field names main puts before a CSV row's problem (the import's column labels and a few more), in English
// and in the screen's language.
function fieldLabels(language: string): Record<string, string> {
  const bundle = (lng: string, ns: string): Record<string, unknown> =>
    (i18n.getResourceBundle(lng, ns) ?? i18n.getResourceBundle('en', ns) ?? {}) as Record<string, unknown>;
  const pick = (lng: string): Record<string, string | undefined> => {
    const fields = (bundle(lng, 'import').fields ?? {}) as Record<string, string>;
    const form = (bundle(lng, 'customer').form ?? {}) as Record<string, string>;
    return { ...fields, domainPrefix: form.domainPrefix, billingAddress: form.billingAddress };
  };
  const shown = pick(language);
  const labels: Record<string, string> = {};
  for (const [key, label] of Object.entries(pick('en'))) {
    const translated = shown[key];
    if (label !== undefined && translated !== undefined) labels[label] = translated;
  }
  return labels;
}

function translatorFor(language: string): MessageTranslator {
  let translator = translators.get(language);
  if (!translator) {
    const english = (i18n.getResourceBundle('en', 'messages') ?? {}) as Catalog;
    const translated = (i18n.getResourceBundle(language, 'messages') ?? english) as Catalog;
    translator = createMessageTranslator(english, translated, fieldLabels(language));
    translators.set(language, translator);
  }
  return translator;
}

export function translateMessage(message: string): string;
export function translateMessage<T extends null | undefined>(message: string | T): string | T;
export function translateMessage(message: string | null | undefined): string | null | undefined {
  if (message === undefined || message === null || message === '') return message;
  return translatorFor(currentLanguage())(message);
}

// A record of field errors (main's fieldErrors), each worded in the screen's language.
export function translateFieldErrors(fieldErrors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, message]) => [field, translateMessage(message)]));
}
