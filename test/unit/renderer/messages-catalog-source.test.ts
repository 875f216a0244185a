// Every English text in the 'messages' catalog is a message shared/ or main/ still writes: reworded there,
// it fails here instead of silently losing its translation. A {{value}} in the catalog stands for any ${…}
// the source inserts (or a {{…}} the source writes literally).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import englishMessages from '../../../renderer/i18n/locales/en/messages.json';
import { flattenCatalog } from '../../../renderer/i18n/message-matcher';

const root = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const source = ['shared', 'main']
  .flatMap((dir) => sourceFiles(path.join(root, dir)))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The catalog's text as it stands in a string or template literal of the source.
function sourcePattern(english: string): RegExp {
  const inserted = String.raw`(?:\$\{[^\n]*?\}|\{\{[^}\n]*\}\})`;
  const parts = english.split(/\{\{[^}]+\}\}/).map((literal) =>
    escapeRegExp(literal)
      // A quote may be written escaped in the source.
      .replace(/"/g, String.raw`\\?"`)
      .replace(/'/g, String.raw`\\?'`),
  );
  return new RegExp(parts.join(inserted));
}

describe("the 'messages' catalog follows shared/ and main/", () => {
  const entries = [...flattenCatalog(englishMessages)];

  it('covers the messages', () => {
    expect(entries.length).toBeGreaterThan(100);
  });

  it.each(entries)('%s is still written by shared/ or main/', (_key, english) => {
    expect(sourcePattern(english).test(source)).toBe(true);
  });
});
