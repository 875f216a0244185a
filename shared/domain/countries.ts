// Countries for billing addresses: ISO 3166-1 alpha-2 codes, named in any language through Intl (so the list
// speaks the user's language without a table of our own), and what a user typed, a code or a name, read back
// as its code. Nothing is cut to two letters: "Austria" is AT, never AU.
const notCountries = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UN', 'XA', 'XB', 'ZZ']);

function allCodes(): string[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const codes: string[] = [];
  for (let first = 65; first <= 90; first += 1) {
    for (let second = 65; second <= 90; second += 1) {
      const code = String.fromCharCode(first, second);
      if (!notCountries.has(code) && names.of(code) !== undefined) codes.push(code);
    }
  }
  return codes;
}

export const countryCodes: readonly string[] = allCodes();
const known = new Set(countryCodes);

export const isCountryCode = (code: string): boolean => known.has(code);

// One Intl.DisplayNames per language, and per language its names read back to codes (built once: a CSV import
// resolves a name per row).
const displayNames = new Map<string, Intl.DisplayNames>();
function namesIn(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
    displayNames.set(locale, names);
  }
  return names;
}

export function countryName(code: string, locale = 'en'): string {
  try {
    return namesIn(locale).of(code) ?? code;
  } catch {
    return code;
  }
}

// The countries for a picker, by name in the locale.
export function countryOptions(locale = 'en'): { code: string; name: string }[] {
  return countryCodes
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

const simplified = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
    .trim();

const codesByName = new Map<string, Map<string, string>>();
function codeByName(locale: string): Map<string, string> {
  let index = codesByName.get(locale);
  if (!index) {
    index = new Map(countryCodes.map((code) => [simplified(countryName(code, locale)), code]));
    codesByName.set(locale, index);
  }
  return index;
}

// A code ("at"), a name in the locale or in English ("Österreich", "Austria"), or a picker's "Austria (AT)":
// the code, or null when it names no country.
export function resolveCountry(input: string, locale = 'en'): string | null {
  const text = input.trim();
  const inParentheses = /\(([A-Za-z]{2})\)\s*$/.exec(text)?.[1];
  const code = (inParentheses ?? (/^[A-Za-z]{2}$/.test(text) ? text : '')).toUpperCase();
  if (code && known.has(code)) return code;
  const wanted = simplified(text);
  if (wanted === '') return null;
  return codeByName(locale).get(wanted) ?? codeByName('en').get(wanted) ?? null;
}
