// Words a message from shared/ or main/ (English, the single source for the CLI and logs) in the screen's
// language. English messages are matched against the 'messages' catalog: exactly when they carry no value,
// otherwise through a pattern made from the English template, whose {{name}} parts capture the values that
// the translated template then receives. Anything the catalog does not know is returned unchanged.
// Pure: no DOM and no i18next instance, so the unit tests run it in node.

type Catalog = { readonly [key: string]: string | Catalog };

const placeholderPattern = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

interface Template {
  pattern: RegExp;
  names: string[];
  translated: string;
  literalLength: number;
}

export interface MessageTranslator {
  (message: string): string;
}

// key path -> text, for a nested catalog.
export function flattenCatalog(catalog: Catalog, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [innerKey, text] of flattenCatalog(value, path)) flat.set(innerKey, text);
  }
  return flat;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The pattern matching an English template: its text literally, each {{name}} as a capture group.
export function templatePattern(english: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const match of english.matchAll(placeholderPattern)) {
    source += escapeRegExp(english.slice(last, match.index));
    source += '([\\s\\S]+?)';
    names.push(match[1] ?? '');
    last = (match.index ?? 0) + match[0].length;
  }
  source += escapeRegExp(english.slice(last));
  return { pattern: new RegExp(`^${source}$`), names };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(placeholderPattern, (whole, name: string) => values[name] ?? whole);
}

// A CSV row's problem names its field first ("Contact email: Enter a valid email address…"): worded only when
// the field is one of the given labels, so no other "a: b" message is taken apart.
const labelledKey = 'import.labelledProblem';

// english and translated: the 'messages' catalog in English and in the screen's language (same keys);
// labels: field names as main writes them (English) -> as the screen shows them.
export function createMessageTranslator(
  english: Catalog,
  translated: Catalog,
  labels: Readonly<Record<string, string>> = {},
): MessageTranslator {
  const target = flattenCatalog(translated);
  const exact = new Map<string, string>();
  const templates: Template[] = [];
  let labelled: { pattern: RegExp; translated: string } | null = null;
  for (const [key, text] of flattenCatalog(english)) {
    const wording = target.get(key) ?? text;
    if (key === labelledKey) {
      labelled = { pattern: templatePattern(text).pattern, translated: wording };
      continue;
    }
    const { pattern, names } = templatePattern(text);
    if (names.length === 0) {
      exact.set(text, wording);
    } else {
      templates.push({
        pattern,
        names,
        translated: wording,
        literalLength: text.replace(placeholderPattern, '').length,
      });
    }
  }
  // The most specific template first: "Signing in to Partner Center failed: {{message}}" before "{{a}}: {{b}}".
  templates.sort((a, b) => b.literalLength - a.literalLength);

  const translate = (message: string, depth: number): string => {
    const known = exact.get(message);
    if (known !== undefined) return known;
    for (const template of templates) {
      const match = template.pattern.exec(message);
      if (!match) continue;
      const values: Record<string, string> = {};
      template.names.forEach((name, index) => {
        const value = match[index + 1] ?? '';
        // A value can itself be a message (a reason after "failed: "): worded too, one level deep.
        values[name] = depth === 0 ? translate(value, 1) : value;
      });
      return fill(template.translated, values);
    }
    const parts = depth === 0 && labelled ? labelled.pattern.exec(message) : null;
    const label = parts?.[1] !== undefined ? labels[parts[1]] : undefined;
    if (labelled && parts && label !== undefined) {
      return fill(labelled.translated, { label, problem: translate(parts[2] ?? '', 1) });
    }
    return message;
  };
  return (message: string) => translate(message, 0);
}
