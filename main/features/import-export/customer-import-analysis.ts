// Reads an import file against the database without writing anything: which rows are valid new customers,
// which repeat a customer already in AuthDesk (same domain prefix), and which are rejected and why. The
// preview shows this; the import acts on it.
import type { Database } from 'better-sqlite3';
import type { ServiceDetails } from '../../../shared/domain/customer';
import {
  detectImportMapping,
  requiredImportFields,
  type DuplicateRow,
  type ImportField,
  type ImportMapping,
  type RejectedRow,
} from '../../../shared/domain/customer-import';
import type { CustomerStatus } from '../../../shared/domain/customer-status';
import type { PartnerProfile } from '../../../shared/domain/partner-profile';
import { statementCache } from '../../platform/db/statement-cache';
import { rowToDetails } from './customer-import-rows';
import { parseCsv, type CsvRecord } from '../../platform/csv/parse-csv';

export interface ValidRow {
  record: CsvRecord;
  details: ServiceDetails;
}

export interface DuplicateValidRow extends ValidRow {
  duplicate: DuplicateRow & { existingCustomerId: string };
}

export interface ImportAnalysis {
  // Indirect customers the file gives no reseller MPN ID (and the user picked none for): the preview warns.
  blankReseller: { rowNumber: number; companyName: string }[];
  delimiter: string;
  headers: string[];
  mapping: ImportMapping;
  missingFields: ImportField[];
  records: CsvRecord[];
  valid: ValidRow[];
  duplicates: DuplicateValidRow[];
  rejected: (RejectedRow & { record: CsvRecord })[];
}

const statements = statementCache((db) => ({
  byDomainPrefix: db.prepare<{ prefix: string }, { id: string; company_name: string; status: CustomerStatus }>(
    'SELECT id, company_name, status FROM customers WHERE domain_prefix = @prefix ORDER BY seq LIMIT 1',
  ),
}));

export function analyseImport(
  db: Database,
  text: string,
  requestedMapping: ImportMapping | null,
  profile: PartnerProfile,
  // Row number to the MPN ID the user picked for a row without one.
  resellerChoices: Readonly<Record<string, string>> = {},
): ImportAnalysis {
  const { delimiter, headers, records } = parseCsv(text);
  const mapping = requestedMapping ?? detectImportMapping(headers);
  const missingFields = requiredImportFields.filter((field) => mapping[field] === null);
  const analysis: ImportAnalysis = {
    delimiter,
    headers,
    mapping,
    missingFields,
    records,
    valid: [],
    duplicates: [],
    rejected: [],
    blankReseller: [],
  };
  // Every row would fail for the same reason: say it once, as the preview's missing fields.
  if (missingFields.length > 0) return analysis;
  const seenInFile = new Map<string, number>();
  const companyOf = (record: CsvRecord) =>
    mapping.companyName === null ? null : (record.cells[mapping.companyName] ?? '').trim() || null;
  for (const record of records) {
    const outcome = rowToDetails(
      record.cells,
      mapping,
      profile,
      true,
      resellerChoices[String(record.rowNumber)] ?? null,
    );
    if (!outcome.ok) {
      analysis.rejected.push({
        rowNumber: record.rowNumber,
        companyName: companyOf(record),
        reason: outcome.reason,
        problems: outcome.problems,
        record,
      });
      continue;
    }
    if (outcome.details.kind === 'indirect' && outcome.details.resellerMpnId === '') {
      analysis.blankReseller.push({ rowNumber: record.rowNumber, companyName: outcome.details.companyName });
    }
    const prefix = outcome.details.domainPrefix;
    const earlierRow = seenInFile.get(prefix);
    if (earlierRow !== undefined) {
      const reason = `Duplicate: row ${earlierRow} already has the domain prefix "${prefix}".`;
      analysis.rejected.push({
        rowNumber: record.rowNumber,
        companyName: companyOf(record),
        reason,
        problems: [reason],
        record,
      });
      continue;
    }
    seenInFile.set(prefix, record.rowNumber);
    const existing = statements(db).byDomainPrefix.get({ prefix });
    if (existing) {
      analysis.duplicates.push({
        record,
        details: outcome.details,
        duplicate: {
          rowNumber: record.rowNumber,
          domainPrefix: prefix,
          existingCompanyName: existing.company_name,
          existingCustomerId: existing.id,
          updatable: existing.status !== 'checked-out' && existing.status !== 'archived',
        },
      });
    } else {
      analysis.valid.push({ record, details: outcome.details });
    }
  }
  return analysis;
}
