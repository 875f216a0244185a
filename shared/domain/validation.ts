// Field rules shared by the renderer's forms and main's IPC validation, so both say the same thing.
import { z } from 'zod';

// The prefix of prefix.onmicrosoft.com: Microsoft allows letters and digits only, at most 27 characters.
export const domainPrefixSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter the domain prefix (the part before .onmicrosoft.com).')
  .max(27, 'A domain prefix has at most 27 characters.')
  .regex(
    /^[a-z0-9]+$/,
    'A domain prefix has only letters and digits: no dots, dashes or spaces (for contoso.onmicrosoft.com enter "contoso").',
  );

// A full DNS domain such as contoso.com or contoso.onmicrosoft.com.
export const domainNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter the customer’s default domain.')
  .max(253, 'A domain has at most 253 characters.')
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'Enter a domain such as contoso.com or contoso.onmicrosoft.com.',
  );

export const emailSchema = z
  .string()
  .trim()
  .min(1, 'Enter the contact’s email address.')
  .max(254, 'An email address has at most 254 characters.')
  .regex(
    // The address alone, as RFC 5322's dot-atom (non-ASCII letters allowed, RFC 6531): no display name,
    // comment, quoting or list syntax before the @ ("Anna <a@b.com>", "(x)a@b.com", "a,b@c.com"), which a
    // mail library would read as another recipient.
    /^[a-z0-9!#$%&'*+/=?^_`{|}~\u00a1-\uffff-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~\u00a1-\uffff-]+)*@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
    'Enter a valid email address such as anna@contoso.com.',
  )
  .refine((address) => (address.split('@')[0] ?? '').length <= 64, 'The part before the @ has at most 64 characters.');

const hasControlCharacter = (text: string) =>
  [...text].some((character) => {
    const code = character.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
  });

// Text typed on one line (a name, a street): trimmed, required, and free of control characters (line breaks,
// tabs, NUL), which would break a CSV row, an email header or the queue's one-line layout.
export function singleLineText(requiredMessage: string, maxLength: number) {
  return z
    .string()
    .trim()
    .min(1, requiredMessage)
    .max(maxLength, `At most ${maxLength.toLocaleString('en')} characters.`)
    .refine((text) => !hasControlCharacter(text), 'Use one line without tabs or control characters.');
}

// A Microsoft partner ID (MPN ID / PartnerID): digits only, typically 6 to 7, at most 10.
export const mpnIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{4,10}$/, 'An MPN ID is 4 to 10 digits, such as 4391507.');

export const onMicrosoftDomain = (prefix: string): string => `${prefix.trim().toLowerCase()}.onmicrosoft.com`;
