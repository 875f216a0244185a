// What the CSV exports should hold, built the plain way for tests to compare against: every row read into
// JavaScript and written at once by writeCsv (Papa Parse), independent of the chunked SQL the export uses.
import type { Database } from 'better-sqlite3';
import { writeCsv } from '../../shared/csv/write-csv';
import { customerCsvHeaders, historyCsvHeaders } from '../../main/features/import-export/csv-columns';

interface CustomerRow {
  id: string;
  kind: string;
  company_name: string;
  contact_name: string;
  contact_email: string;
  domain_prefix: string;
  default_domain: string | null;
  reseller_mpn_id: string | null;
  reseller_name: string | null;
  include_delegated_admin: number;
  billing_address: string | null;
  status: string;
  order_reference: string | null;
  owner: string;
  created_at: string;
  updated_at: string;
  first_sent_at: string | null;
  first_authorized_at: string | null;
  first_checked_out_at: string | null;
}

interface EventRow {
  at: string;
  customer_id: string;
  company_name: string;
  type: string;
  summary: string;
  actor: string;
  data: string;
}

// ids null: every customer. The CSV text as writeCsv writes it (no byte-order mark, no line end after the last row).
export function expectedCustomersCsv(db: Database, ids: readonly string[] | null): string {
  const rows = db
    .prepare<{ ids: string | null }, CustomerRow>(
      `SELECT * FROM customers WHERE @ids IS NULL OR id IN (SELECT value FROM json_each(@ids)) ORDER BY created_at, seq`,
    )
    .all({ ids: ids === null ? null : JSON.stringify(ids) });
  return writeCsv(
    customerCsvHeaders,
    rows.map((row) => {
      const address = row.billing_address
        ? (JSON.parse(row.billing_address) as Record<'addressLine1' | 'city' | 'postalCode' | 'country', string>)
        : null;
      return [
        row.company_name,
        row.contact_name,
        row.contact_email,
        row.domain_prefix,
        row.default_domain,
        row.kind,
        row.reseller_mpn_id,
        row.reseller_name,
        row.include_delegated_admin === 1 ? 'yes' : 'no',
        address?.addressLine1 ?? null,
        address?.city ?? null,
        address?.postalCode ?? null,
        address?.country ?? null,
        row.status,
        row.owner,
        row.created_at,
        row.first_sent_at,
        row.first_authorized_at,
        row.first_checked_out_at,
        row.order_reference,
        row.updated_at,
        row.id,
      ];
    }),
  );
}

export function expectedHistoryCsv(db: Database, ids: readonly string[] | null): string {
  const rows = db
    .prepare<{ ids: string | null }, EventRow>(
      `SELECT e.at, e.customer_id, c.company_name, e.type, e.summary, e.actor, e.data
       FROM customer_events e JOIN customers c ON c.id = e.customer_id
       WHERE @ids IS NULL OR e.customer_id IN (SELECT value FROM json_each(@ids)) ORDER BY e.id`,
    )
    .all({ ids: ids === null ? null : JSON.stringify(ids) });
  return writeCsv(
    historyCsvHeaders,
    rows.map((row) => [row.at, row.company_name, row.type, row.summary, row.actor, row.data, row.customer_id]),
  );
}
