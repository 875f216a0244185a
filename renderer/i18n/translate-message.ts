// translateMessage(): a message from shared/ (zod schemas, rule texts) or main/ (AppError, SMTP, import
// problems) in the screen's language, through the 'messages' catalog; unknown messages stay as they are.
import { i18n, currentLanguage } from './i18n';
import { createMessageTranslator, type MessageTranslator } from './message-matcher';

type Catalog = Parameters<typeof createMessageTranslator>[0];

const translators = new Map<string, MessageTranslator>();

function translatorFor(language: string): MessageTranslator {
  let translator = translators.get(language);
  if (!translator) {
    const english = (i18n.getResourceBundle('en', 'messages') ?? {}) as Catalog;
    const translated = (i18n.getResourceBundle(language, 'messages') ?? english) as Catalog;
    translator = createMessageTranslator(english, translated);
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
