// CSV export of customers and of their history, for the queue's current filter or for everything. Built in
// main from SQL and handed to the window as text with a file name; the window saves it through a download,
// so no file path ever crosses the bridge.
import { billingAddressSchema } from '../../../shared/domain/customer';
import type { QueueFilter } from '../../../shared/domain/queue-query';
import { statementCache } from '../../platform/db/statement-cache';
import type { ServiceContext } from '../../platform/service-context';
import { writeCsv, type CsvCell } from '../../../shared/csv/write-csv';

export interface CsvFile {
  fileName: string;
  csv: string;
  rows: number;
}

export interface CsvExportService {
  // filter null: every customer.
  customers(filter: QueueFilter | null): CsvFile;
  history(filter: QueueFilter | null): CsvFile;
}

export interface CustomerExportRow {
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

interface EventExportRow {
  at: string;
  customer_id: string;
  company_name: string;
  type: string;
  summary: string;
  actor: string;
  data: string;
}

// The column names the import recognises, so an exported file can be edited and imported again.
export const customerCsvHeaders = [
  'Company name',
  'Contact name',
  'Contact email',
  'Domain prefix',
  'Default domain',
  'Kind',
  'Reseller MPN ID',
  'Reseller name',
  'Delegated admin',
  'Street address',
  'City',
  'Postal code',
  'Country code',
  'Status',
  'Owner',
  'Created at',
  'Link sent at',
  'Authorized at',
  'Checked out at',
  'Order reference',
  'Updated at',
  'Customer ID',
] as const;

export const historyCsvHeaders = [
  'Time',
  'Company name',
  'Event',
  'Summary',
  'Actor',
  'Details',
  'Customer ID',
] as const;

// @ids: a JSON array of customer ids, or NULL for all of them.
const statements = statementCache((db) => ({
  customers: db.prepare<{ ids: string | null }, CustomerExportRow>(
    `SELECT c.id, c.kind, c.company_name, c.contact_name, c.contact_email, c.domain_prefix, c.default_domain,
       c.reseller_mpn_id, c.reseller_name, c.include_delegated_admin, c.billing_address, c.status,
       c.order_reference, c.owner, c.created_at, c.updated_at,
       c.first_sent_at, c.first_authorized_at, c.first_checked_out_at
     FROM customers c
     WHERE @ids IS NULL OR c.id IN (SELECT value FROM json_each(@ids))
     ORDER BY c.created_at, c.seq`,
  ),
  history: db.prepare<{ ids: string | null }, EventExportRow>(
    `SELECT e.at, e.customer_id, c.company_name, e.type, e.summary, e.actor, e.data
     FROM customer_events e JOIN customers c ON c.id = e.customer_id
     WHERE @ids IS NULL OR e.customer_id IN (SELECT value FROM json_each(@ids))
     ORDER BY e.id`,
  ),
}));

export function customerCells(row: CustomerExportRow): CsvCell[] {
  const address = row.billing_address ? billingAddressSchema.parse(JSON.parse(row.billing_address)) : null;
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
}

// The ids of the customers a queue filter matches, as the queue resolves them (its own SQL).
export type MatchingCustomerIds = (filter: QueueFilter) => string[];

export function createCsvExportService(context: ServiceContext, matchingIds: MatchingCustomerIds): CsvExportService {
  const selectedIds = (filter: QueueFilter | null): string | null =>
    filter === null ? null : JSON.stringify(matchingIds(filter));
  const stamp = () => context.now().toISOString().slice(0, 10);
  const scope = (filter: QueueFilter | null) => (filter === null ? 'all' : 'filtered');
  return {
    customers(filter) {
      const rows = statements(context.db).customers.all({ ids: selectedIds(filter) });
      return {
        fileName: `authdesk-customers-${scope(filter)}-${stamp()}.csv`,
        csv: writeCsv(customerCsvHeaders, rows.map(customerCells)),
        rows: rows.length,
      };
    },
    history(filter) {
      const rows = statements(context.db).history.all({ ids: selectedIds(filter) });
      return {
        fileName: `authdesk-history-${scope(filter)}-${stamp()}.csv`,
        csv: writeCsv(
          historyCsvHeaders,
          rows.map((row) => [row.at, row.company_name, row.type, row.summary, row.actor, row.data, row.customer_id]),
        ),
        rows: rows.length,
      };
    },
  };
}
