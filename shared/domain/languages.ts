// The languages AuthDesk ships, for its own screens and for the emails it writes to customers. Each is named
// in itself, so a user finds their own language whatever language the screen is in.
export const shippedLanguages = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'el'] as const;
export type ShippedLanguage = (typeof shippedLanguages)[number];

export const languageNativeNames: Record<ShippedLanguage, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  it: 'Italiano',
  nl: 'Nederlands',
  pt: 'Português',
  pl: 'Polski',
  el: 'Ελληνικά',
};

export function isShippedLanguage(code: string): code is ShippedLanguage {
  return (shippedLanguages as readonly string[]).includes(code);
}

// The first shipped language among the user's preferred ones ("de-AT" counts as German), else English.
export function pickShippedLanguage(preferred: readonly string[]): ShippedLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (isShippedLanguage(base)) return base;
  }
  return 'en';
}
