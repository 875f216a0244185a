// The translation layer: i18next with every shipped language bundled (a desktop app has no server to load
// them from, and all nine together are a few hundred kilobytes). The language follows the operating system
// unless the user chose one in Settings; numbers and dates follow the same language through Intl.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { pickShippedLanguage, shippedLanguages, type ShippedLanguage } from '../../shared/domain/languages';
import type { UiPreferences } from '../../shared/ipc/channels/preferences';
import { namespaces } from './namespaces';

type Catalog = Record<string, unknown>;

const catalogFiles = import.meta.glob<Catalog>('./locales/*/*.json', { eager: true, import: 'default' });

function bundledResources(): Record<string, Record<string, Catalog>> {
  const resources: Record<string, Record<string, Catalog>> = {};
  for (const [path, catalog] of Object.entries(catalogFiles)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match?.[1] || !match[2]) continue;
    (resources[match[1]] ??= {})[match[2]] = catalog;
  }
  return resources;
}

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: bundledResources(),
  lng: systemLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...shippedLanguages],
  ns: [...namespaces],
  defaultNS: 'common',
  // React escapes what it renders; escaping here too would show &amp; in the window.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

// Screen readers and the browser's hyphenation read the document's language.
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

// The operating system's language as the window reports it (Electron passes the OS locale to Chromium).
export function systemLanguage(): ShippedLanguage {
  return pickShippedLanguage(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
}

export function languageFor(preferences: UiPreferences): ShippedLanguage {
  return preferences.language === 'system' ? systemLanguage() : preferences.language;
}

export async function applyUiPreferences(preferences: UiPreferences): Promise<void> {
  await i18n.changeLanguage(languageFor(preferences));
}

// The language screens are shown in now, for Intl formatters.
export function currentLanguage(): string {
  return i18n.resolvedLanguage ?? i18n.language ?? 'en';
}
