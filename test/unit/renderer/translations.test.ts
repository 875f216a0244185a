// Every shipped language has every key English has (with the plural forms its own grammar needs), no key
// English lacks, no empty text, and the same {{placeholders}}: a screen never shows a raw key or loses a name.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedLanguages } from '../../../shared/domain/languages';

const localesDir = path.resolve(__dirname, '../../../renderer/i18n/locales');
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
// English defines the namespaces (renderer/i18n/namespaces.ts lists the same; the window loads every file).
const namespaces = readdirSync(path.join(localesDir, 'en')).map((file) => file.replace(/\.json$/, ''));

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  if (typeof value === 'string') {
    entries.set(prefix, value);
    return entries;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${prefix}: a catalog holds only text and nested objects`);
  }
  for (const [key, child] of Object.entries(value)) {
    for (const [childKey, text] of flatten(child, prefix ? `${prefix}.${key}` : key)) entries.set(childKey, text);
  }
  return entries;
}

function catalog(language: string, namespace: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(path.join(localesDir, language, `${namespace}.json`), 'utf8')));
}

// Keys without their plural suffix, each with the plural forms present.
function byBaseKey(entries: Map<string, string>): Map<string, Set<string>> {
  const bases = new Map<string, Set<string>>();
  for (const key of entries.keys()) {
    const match = pluralSuffix.exec(key);
    const base = match ? key.slice(0, -match[0].length) : key;
    const forms = bases.get(base) ?? new Set<string>();
    if (match?.[1]) forms.add(match[1]);
    bases.set(base, forms);
  }
  return bases;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1] ?? '').sort();
}

// The namespaces the window declares, read from its source (it is compiled for the browser, not for Node).
function namespaceList(): string[] {
  const source = readFileSync(path.resolve(__dirname, '../../../renderer/i18n/namespaces.ts'), 'utf8');
  const list = /namespaces = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
  return [...list.matchAll(/'([\w-]+)'/g)].map((match) => match[1] ?? '');
}

describe('translation catalogs', () => {
  it('has a folder per shipped language and a file per namespace, and nothing else', () => {
    expect(readdirSync(localesDir).sort()).toEqual([...shippedLanguages].sort());
    expect(namespaces.sort()).toEqual([...namespaceList()].sort());
    for (const language of shippedLanguages) {
      expect(readdirSync(path.join(localesDir, language)).sort()).toEqual(
        namespaces.map((namespace) => `${namespace}.json`).sort(),
      );
    }
  });

  for (const language of shippedLanguages.filter((code) => code !== 'en')) {
    it(`${language}: every English key, its plural forms and its placeholders, and no extra key`, () => {
      const problems: string[] = [];
      const required = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const namespace of namespaces) {
        const english = catalog('en', namespace);
        const translated = catalog(language, namespace);
        const englishBases = byBaseKey(english);
        const translatedBases = byBaseKey(translated);
        for (const [base, forms] of englishBases) {
          const have = translatedBases.get(base);
          if (!have) {
            problems.push(`${namespace}:${base} is missing`);
            continue;
          }
          if (forms.size > 0) {
            for (const category of required) {
              if (!have.has(category)) problems.push(`${namespace}:${base}_${category} is missing (plural)`);
            }
          }
        }
        for (const base of translatedBases.keys()) {
          if (!englishBases.has(base)) problems.push(`${namespace}:${base} is not in English`);
        }
        for (const [key, text] of translated) {
          if (text.trim() === '') problems.push(`${namespace}:${key} is empty`);
          const match = pluralSuffix.exec(key);
          const base = match ? key.slice(0, -match[0].length) : key;
          // Plural forms may drop {{count}} ("one customer"), never add a placeholder English lacks.
          const englishTexts = match
            ? [...english].filter(([englishKey]) => englishKey.startsWith(`${base}_`)).map(([, value]) => value)
            : [english.get(key) ?? ''];
          const allowed = new Set(englishTexts.flatMap(placeholders));
          const used = placeholders(text);
          for (const name of used) {
            if (!allowed.has(name)) problems.push(`${namespace}:${key} uses {{${name}}}, which English does not`);
          }
          if (!match) {
            for (const name of allowed) {
              if (!used.includes(name)) problems.push(`${namespace}:${key} drops {{${name}}}`);
            }
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('English has no empty text and every plural has its "one" and "other" forms', () => {
    const problems: string[] = [];
    for (const namespace of namespaces) {
      const english = catalog('en', namespace);
      for (const [key, text] of english) if (text.trim() === '') problems.push(`${namespace}:${key} is empty`);
      for (const [base, forms] of byBaseKey(english)) {
        if (forms.size > 0 && !(forms.has('one') && forms.has('other'))) problems.push(`${namespace}:${base}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
