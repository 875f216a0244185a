// The columns of the two CSV exports: their headers, and each cell as the SQL that reads it, both for a chunk
// SQLite joins into bytes (csv-chunk.ts) and for a chunk read row by row, so the two ways write the same cell.
// The customers' headers are the names the import recognises, so an exported file can be edited and imported
// again. No cell is NULL (concat_ws would leave a NULL cell out): csvLine writes null as an empty cell too.
import type { billingAddressSchema } from '../../../shared/domain/customer';

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

const orEmpty = (sql: string) => `coalesce(${sql}, '')`;
// The billing address is stored as the JSON its schema wrote, so its fields are read as they are.
const addressField = (field: keyof typeof billingAddressSchema.shape) => orEmpty(`c.billing_address ->> '${field}'`);

// On customers aliased c, in the order of customerCsvHeaders.
export const customerCellsSql = [
  'c.company_name',
  'c.contact_name',
  'c.contact_email',
  'c.domain_prefix',
  orEmpty('c.default_domain'),
  'c.kind',
  orEmpty('c.reseller_mpn_id'),
  orEmpty('c.reseller_name'),
  "iif(c.include_delegated_admin = 1, 'yes', 'no')",
  addressField('addressLine1'),
  addressField('city'),
  addressField('postalCode'),
  addressField('country'),
  'c.status',
  'c.owner',
  'c.created_at',
  orEmpty('c.first_sent_at'),
  orEmpty('c.first_authorized_at'),
  orEmpty('c.first_checked_out_at'),
  orEmpty('c.order_reference'),
  'c.updated_at',
  'c.id',
];

// On events aliased e and their customers aliased c, in the order of historyCsvHeaders.
export const historyCellsSql = ['e.at', 'c.company_name', 'e.type', 'e.summary', 'e.actor', 'e.data', 'e.customer_id'];
