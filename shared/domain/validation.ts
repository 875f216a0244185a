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
    /^[^\s@]+@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
    'Enter a valid email address such as anna@contoso.com.',
  );

// A Microsoft partner ID (MPN ID / PartnerID): digits only, typically 6 to 7, at most 10.
export const mpnIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{4,10}$/, 'An MPN ID is 4 to 10 digits, such as 4391507.');

export const onMicrosoftDomain = (prefix: string): string => `${prefix.trim().toLowerCase()}.onmicrosoft.com`;
