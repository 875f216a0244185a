// Typed translation keys: a key missing from the English catalog is a compile error.
import type { englishCatalog } from './english-catalog';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof englishCatalog;
  }
}
