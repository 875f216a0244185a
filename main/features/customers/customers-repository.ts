// Customers in SQLite: rows mapped to the shared Customer type, the queue's list with full-text search
// and status filters done in SQL.
import type { Database } from 'better-sqlite3';
import { billingAddressSchema, type Customer, type CustomerKind } from '../../../shared/domain/customer';
import type { CustomerStatus } from '../../../shared/domain/customer-status';
import { verificationResultSchema } from '../../../shared/domain/verification';
import { ftsPrefixQuery } from '../../platform/db/fts-query';
import { statementCache } from '../../platform/db/statement-cache';

interface CustomerRow {
  seq: number;
  id: string;
  kind: CustomerKind;
  company_name: string;
  contact_name: string;
  contact_email: string;
  domain_prefix: string;
  default_domain: string | null;
  reseller_mpn_id: string | null;
  reseller_name: string | null;
  include_delegated_admin: number;
  billing_address: string | null;
  status: CustomerStatus;
  authorization_link: string | null;
  last_verification: string | null;
  order_reference: string | null;
  owner: string;
  created_at: string;
  updated_at: string;
}

type CustomerParameters = Omit<CustomerRow, 'seq' | 'owner' | 'created_at'>;

export type CustomerStatusFilter = CustomerStatus | 'all' | 'open';

export interface CustomerListQuery {
  search?: string;
  status?: CustomerStatusFilter;
}

// 'open' is the working queue: everything not finished (checked out) or put away (archived).
const statusCondition = `(@status = 'all'
  OR (@status = 'open' AND c.status NOT IN ('checked-out', 'archived'))
  OR c.status = @status)`;

const statements = statementCache((db) => ({
  insert: db.prepare<CustomerParameters & { owner: string; created_at: string }>(
    `INSERT INTO customers (id, kind, company_name, contact_name, contact_email, domain_prefix, default_domain,
       reseller_mpn_id, reseller_name, include_delegated_admin, billing_address, status, authorization_link,
       last_verification, order_reference, owner, created_at, updated_at)
     VALUES (@id, @kind, @company_name, @contact_name, @contact_email, @domain_prefix, @default_domain,
       @reseller_mpn_id, @reseller_name, @include_delegated_admin, @billing_address, @status, @authorization_link,
       @last_verification, @order_reference, @owner, @created_at, @updated_at)`,
  ),
  update: db.prepare<CustomerParameters>(
    `UPDATE customers SET kind = @kind, company_name = @company_name, contact_name = @contact_name,
       contact_email = @contact_email, domain_prefix = @domain_prefix, default_domain = @default_domain,
       reseller_mpn_id = @reseller_mpn_id, reseller_name = @reseller_name,
       include_delegated_admin = @include_delegated_admin, billing_address = @billing_address, status = @status,
       authorization_link = @authorization_link, last_verification = @last_verification,
       order_reference = @order_reference, updated_at = @updated_at
     WHERE id = @id`,
  ),
  get: db.prepare<{ id: string }, CustomerRow>('SELECT * FROM customers WHERE id = @id'),
  list: db.prepare<{ status: string }, CustomerRow>(
    `SELECT c.* FROM customers c WHERE ${statusCondition} ORDER BY c.updated_at DESC, c.seq DESC`,
  ),
  search: db.prepare<{ status: string; match: string }, CustomerRow>(
    `SELECT c.* FROM customers_fts f JOIN customers c ON c.seq = f.rowid
     WHERE customers_fts MATCH @match AND ${statusCondition}
     ORDER BY c.updated_at DESC, c.seq DESC`,
  ),
}));

function toParameters(customer: Customer): CustomerParameters {
  return {
    id: customer.id,
    kind: customer.kind,
    company_name: customer.companyName,
    contact_name: customer.contactName,
    contact_email: customer.contactEmail,
    domain_prefix: customer.domainPrefix,
    default_domain: customer.defaultDomain,
    reseller_mpn_id: customer.resellerMpnId,
    reseller_name: customer.resellerName,
    include_delegated_admin: customer.includeDelegatedAdmin ? 1 : 0,
    billing_address: customer.billingAddress ? JSON.stringify(customer.billingAddress) : null,
    status: customer.status,
    authorization_link: customer.authorizationLink,
    last_verification: customer.lastVerification ? JSON.stringify(customer.lastVerification) : null,
    order_reference: customer.orderReference,
    updated_at: customer.updatedAt,
  };
}

function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    kind: row.kind,
    companyName: row.company_name,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    domainPrefix: row.domain_prefix,
    defaultDomain: row.default_domain,
    resellerMpnId: row.reseller_mpn_id,
    resellerName: row.reseller_name,
    includeDelegatedAdmin: row.include_delegated_admin === 1,
    billingAddress: row.billing_address ? billingAddressSchema.parse(JSON.parse(row.billing_address)) : null,
    status: row.status,
    authorizationLink: row.authorization_link,
    lastVerification: row.last_verification ? verificationResultSchema.parse(JSON.parse(row.last_verification)) : null,
    orderReference: row.order_reference,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// owner: the account manager who created the customer (for "by owner" reports); not part of the shared type.
export function insertCustomer(db: Database, customer: Customer, owner: string): Customer {
  statements(db).insert.run({ ...toParameters(customer), created_at: customer.createdAt, owner });
  return customer;
}

export function updateCustomer(db: Database, customer: Customer): Customer {
  const result = statements(db).update.run(toParameters(customer));
  if (result.changes !== 1) throw new Error(`No customer ${customer.id} to update.`);
  return customer;
}

// An id the team workspace merged into another customer still finds that one (a window may hold the old id).
const mergedStatements = statementCache((db) => ({
  getMerged: db.prepare<{ id: string }, CustomerRow>(
    `SELECT c.* FROM team_customer_aliases a JOIN customers c ON c.id = a.canonical_id WHERE a.alias_id = @id`,
  ),
}));

export function getCustomer(db: Database, id: string): Customer | null {
  const row = statements(db).get.get({ id }) ?? mergedStatements(db).getMerged.get({ id });
  return row ? toCustomer(row) : null;
}

export function listCustomers(db: Database, query: CustomerListQuery = {}): Customer[] {
  const status = query.status ?? 'all';
  const match = ftsPrefixQuery(query.search ?? '');
  const rows = match === null ? statements(db).list.all({ status }) : statements(db).search.all({ status, match });
  return rows.map(toCustomer);
}
