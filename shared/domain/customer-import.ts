// Importing pending customers from a CSV file: the fields a column can fill, the automatic column mapping from
// the header row, and the shapes of the preview and of the result. Parsing and validation run in main.
import { z } from 'zod';

export const importFields = [
  'companyName',
  'contactName',
  'contactEmail',
  'domain',
  'resellerMpnId',
  'includeDelegatedAdmin',
  'addressLine1',
  'city',
  'postalCode',
  'country',
] as const;
export type ImportField = (typeof importFields)[number];

export const importFieldLabels: Record<ImportField, string> = {
  companyName: 'Company name',
  contactName: 'Contact name',
  contactEmail: 'Contact email',
  domain: 'Domain prefix or domain',
  resellerMpnId: 'Reseller MPN ID',
  includeDelegatedAdmin: 'Delegated admin',
  addressLine1: 'Street address',
  city: 'City',
  postalCode: 'Postal code',
  country: 'Country code',
};

// The fields without which no customer can be created.
export const requiredImportFields: readonly ImportField[] = ['companyName', 'contactName', 'contactEmail', 'domain'];

// Field -> index of the CSV column that fills it (null: not in the file).
export const importMappingSchema = z
  .object(
    Object.fromEntries(importFields.map((field) => [field, z.number().int().min(0).max(500).nullable()])) as Record<
      ImportField,
      z.ZodNullable<z.ZodNumber>
    >,
  )
  .strict();
export type ImportMapping = z.infer<typeof importMappingSchema>;

// Header names seen in CRM and spreadsheet exports, compared lower-case with everything but letters and digits
// removed ("E-mail address" -> "emailaddress").
const headerSynonyms: Record<ImportField, readonly string[]> = {
  companyName: [
    'company',
    'companyname',
    'customer',
    'customername',
    'organization',
    'organisation',
    'account',
    'accountname',
    'firma',
  ],
  contactName: ['contact', 'contactname', 'contactperson', 'fullname', 'name', 'admin', 'adminname'],
  contactEmail: ['email', 'emailaddress', 'contactemail', 'mail', 'adminemail', 'contactemailaddress'],
  domain: [
    'domain',
    'domainprefix',
    'prefix',
    'tenantdomain',
    'onmicrosoftdomain',
    'tenant',
    'defaultdomain',
    'domainname',
  ],
  resellerMpnId: ['mpnid', 'mpn', 'resellermpnid', 'resellermpn', 'partnerid', 'resellerpartnerid', 'reseller'],
  includeDelegatedAdmin: [
    'delegatedadmin',
    'includedelegatedadmin',
    'dap',
    'delegatedadministration',
    'delegatedadminprivileges',
    'gdap',
  ],
  addressLine1: ['address', 'addressline1', 'street', 'streetaddress', 'billingaddress', 'billingstreet', 'address1'],
  city: ['city', 'town', 'billingcity'],
  postalCode: ['postalcode', 'postcode', 'zip', 'zipcode', 'billingpostalcode', 'plz'],
  country: ['country', 'countrycode', 'billingcountry'],
};

const normalizeHeader = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

export function detectImportMapping(headers: readonly string[]): ImportMapping {
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const mapping = Object.fromEntries(importFields.map((field) => [field, null])) as ImportMapping;
  // Exact synonyms first, in the order of the synonym lists, so "Contact email" never lands on contact name.
  for (const field of importFields) {
    for (const synonym of headerSynonyms[field]) {
      const index = normalized.findIndex((header, i) => header === synonym && !taken.has(i));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}

// The reseller (MPN ID) the user picked in the preview for a row whose file gives none, by row number.
export const resellerChoicesSchema = z.record(z.string().regex(/^\d+$/), z.string().regex(/^\d{4,10}$/));
export type ResellerChoices = z.infer<typeof resellerChoicesSchema>;

export const duplicateActions = ['skip', 'update'] as const;
export type DuplicateAction = (typeof duplicateActions)[number];

// companyName: as the row gives it (null when blank), so the user knows which customer it was; problems: one
// message each.
export const rejectedRowSchema = z.object({
  rowNumber: z.number().int(),
  companyName: z.string().nullable(),
  reason: z.string(),
  problems: z.array(z.string()),
});
export type RejectedRow = z.infer<typeof rejectedRowSchema>;

export const duplicateRowSchema = z.object({
  rowNumber: z.number().int(),
  domainPrefix: z.string(),
  existingCompanyName: z.string(),
  // A checked-out or archived customer is history: it is never updated, only skipped.
  updatable: z.boolean(),
});
export type DuplicateRow = z.infer<typeof duplicateRowSchema>;

// At most this many rejected/duplicate rows are listed on screen; the CSV of rejected rows has them all.
export const importListLimit = 200;

export const importPreviewSchema = z.object({
  delimiter: z.string(),
  headers: z.array(z.string()),
  mapping: importMappingSchema,
  // The first rows as they are in the file (header excluded), for the preview table.
  sampleRows: z.array(z.object({ rowNumber: z.number().int(), cells: z.array(z.string()) })),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  rejectedCount: z.number().int(),
  rejected: z.array(rejectedRowSchema),
  duplicateCount: z.number().int(),
  duplicates: z.array(duplicateRowSchema),
  missingFields: z.array(z.enum(importFields)),
  // Indirect customers without a reseller MPN ID (the first importListLimit): the blank-MPN warning applies.
  blankResellerCount: z.number().int(),
  blankReseller: z.array(z.object({ rowNumber: z.number().int(), companyName: z.string() })),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  operationId: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  skippedDuplicates: z.number().int(),
  rejectedCount: z.number().int(),
  rejected: z.array(rejectedRowSchema),
  // The rejected rows as they were in the file plus "Row" and "Reason" columns, to fix and import again.
  rejectedCsv: z.string().nullable(),
  linksRequested: z.number().int(),
  // Offline: the link requests wait in the outbox and run when Partner Center is reachable again.
  linksQueued: z.number().int(),
  linkFailures: z.number().int(),
  // Why links could not be fetched (for example offline): the customers are saved, the links can wait.
  linkError: z.string().nullable(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

// The largest CSV text accepted over the bridge (about 200,000 typical rows).
export const maxImportTextLength = 20_000_000;
