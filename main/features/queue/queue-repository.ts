// The queue as SQL: one window of the filtered, sorted customers, the ids of a range of it, what a bulk action
// reads of a resolved selection, counts per status, and the reseller/owner lists for the filters. Only whitelisted SQL pieces are
// ever put together; every value a user typed travels as a named parameter.
import type { Database, Statement } from 'better-sqlite3';
import type { CustomerKind } from '../../../shared/domain/customer';
import { customerStatuses, type CustomerStatus } from '../../../shared/domain/customer-status';
import type {
  QueueFacets,
  QueueFilter,
  QueueRow,
  QueueSort,
  QueueSortColumn,
  QueueWindow,
  StatusCounts,
} from '../../../shared/domain/queue-query';
import { currentUserOwner } from '../../../shared/domain/queue-query';
import { ftsPrefixQuery } from '../../platform/db/fts-query';
import type { SqlCondition } from '../../platform/db/sql-condition';

interface QueueRowRecord {
  id: string;
  kind: CustomerKind;
  company_name: string;
  domain: string;
  reseller_name: string | null;
  status: CustomerStatus;
  has_link: number;
  link_sent_at: string | null;
  last_verified_at: string | null;
  next_follow_up: string | null;
  owner: string;
  created_at: string;
  updated_at: string;
}

// Each sortable column and the expression its index (migration 003) is built on.
const sortExpressions: Record<QueueSortColumn, string> = {
  company: 'c.company_name COLLATE NOCASE',
  defaultDomain: "coalesce(c.default_domain, c.domain_prefix || '.onmicrosoft.com')",
  reseller: 'c.reseller_name COLLATE NOCASE',
  status: 'c.status',
  linkSent: 'c.link_sent_at',
  lastVerified: 'c.last_verified_at',
  nextFollowUp: 'c.next_follow_up',
  owner: 'c.owner COLLATE NOCASE',
  age: 'c.created_at',
};

export interface QueueContext {
  // Who "@me" is, and what day it is for "follow-up due" and the age filters.
  currentUser: string;
  now: Date;
}

interface Built {
  from: string;
  where: string;
  params: Record<string, string | number>;
}

// The filter's conditions on customers (aliased c), but for the search, which needs the FTS table.
function conditions(filter: QueueFilter, context: QueueContext, withStatus: boolean) {
  const conditions: string[] = [];
  const params: Record<string, string | number> = {};
  const match = ftsPrefixQuery(filter.search);
  if (match !== null) params.match = match;
  if (withStatus && filter.status === 'open') conditions.push("c.status NOT IN ('checked-out', 'archived')");
  else if (withStatus && filter.status !== 'all') {
    conditions.push('c.status = @status');
    params.status = filter.status;
  }
  if (filter.reseller !== null) {
    conditions.push('c.reseller_name = @reseller');
    params.reseller = filter.reseller;
  }
  if (filter.owner !== null) {
    conditions.push('c.owner = @owner');
    params.owner = filter.owner === currentUserOwner ? context.currentUser : filter.owner;
  }
  const daysAgo = (days: number) => new Date(context.now.getTime() - days * 86_400_000).toISOString();
  if (filter.minAgeDays !== null) {
    conditions.push('c.created_at <= @createdBefore');
    params.createdBefore = daysAgo(filter.minAgeDays);
  }
  if (filter.idleDays !== null) {
    conditions.push('c.updated_at <= @idleSince');
    params.idleSince = daysAgo(filter.idleDays);
  }
  if (filter.followUp === 'due') {
    conditions.push('c.next_follow_up <= @today');
    params.today = context.now.toISOString().slice(0, 10);
  } else if (filter.followUp === 'none') conditions.push('c.next_follow_up IS NULL');
  return { conditions, params, match };
}

// How a search is joined in. 'index': the customers walked through an index (the sort's, or the covering
// status index for the counts), each checked against the set of matching rows; 'fts': the matches looked up
// one by one. The answer is the same; which is quicker depends on how many customers the search matches.
type SearchPlan = 'fts' | 'index';

function build(filter: QueueFilter, context: QueueContext, withStatus: boolean, plan: SearchPlan = 'fts'): Built {
  const { conditions: where, params, match } = conditions(filter, context, withStatus);
  if (match !== null && plan === 'index')
    // The unary + keeps SQLite from looking each match up by its rowid, so it walks an index instead.
    where.unshift('+c.seq IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH @match)');
  else if (match !== null) where.unshift('customers_fts MATCH @match');
  return {
    from: match === null || plan === 'index' ? 'customers c' : 'customers_fts f JOIN customers c ON c.seq = f.rowid',
    where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
    params,
  };
}

// A search matching one customer in twenty or more (a company word, a reseller) costs a lookup per match,
// each reading the whole customer row: walking an index and checking each entry against the matches is
// cheaper then. Counting the matches in the full-text index alone takes about a millisecond.
function searchPlan(db: Database, filter: QueueFilter): SearchPlan {
  const match = ftsPrefixQuery(filter.search);
  if (match === null) return 'fts';
  const matches = prepare(db, 'SELECT count(*) FROM customers_fts WHERE customers_fts MATCH @match')
    .pluck()
    .get({ match }) as number;
  const customers = (prepare(db, 'SELECT max(seq) FROM customers').pluck().get() as number | null) ?? 0;
  return matches * 20 >= customers ? 'index' : 'fts';
}

// The customers the filter matches, as a condition on customers aliased c in another query (an export, a
// count), so the ids are never listed: the search becomes a lookup in the FTS table.
export function queueCondition(filter: QueueFilter, context: QueueContext): SqlCondition {
  const { conditions: where, params, match } = conditions(filter, context, true);
  if (match !== null) where.unshift('c.seq IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH @match)');
  return { sql: where.length > 0 ? where.join(' AND ') : '1', params };
}

// Statements are compiled once per distinct SQL text (a handful: the pieces are fixed) and database.
const compiled = new WeakMap<Database, Map<string, Statement>>();
function prepare(db: Database, sql: string): Statement {
  let cache = compiled.get(db);
  if (!cache) compiled.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

const nullableColumns: ReadonlySet<QueueSortColumn> = new Set(['reseller', 'linkSent', 'lastVerified', 'nextFollowUp']);

// reversed: the same order backwards (a window near the end is read from the end).
function orderBy(sort: QueueSort, reversed = false): string {
  // Age runs against the creation time: the oldest customer has the greatest age.
  const ascending = (sort.column === 'age' ? sort.direction === 'desc' : sort.direction === 'asc') !== reversed;
  const direction = ascending ? 'ASC' : 'DESC';
  const expression = sortExpressions[sort.column];
  // Empty values (no follow-up, never verified) go last whichever way the column is sorted; columns that are
  // never empty skip that term so SQLite can walk their index instead of sorting.
  const emptyLast = nullableColumns.has(sort.column) ? `${expression} IS NULL${reversed ? ' DESC' : ''}, ` : '';
  return `ORDER BY ${emptyLast}${expression} ${direction}, c.seq ${direction}`;
}

const toRow = (record: QueueRowRecord): QueueRow => ({
  id: record.id,
  kind: record.kind,
  companyName: record.company_name,
  defaultDomain: record.domain,
  resellerName: record.reseller_name,
  status: record.status,
  hasLink: record.has_link === 1,
  linkSentAt: record.link_sent_at,
  lastVerifiedAt: record.last_verified_at,
  nextFollowUp: record.next_follow_up,
  owner: record.owner,
  createdAt: record.created_at,
  updatedAt: record.updated_at,
});

export function countByStatus(
  db: Database,
  filter: QueueFilter,
  context: QueueContext,
  plan: SearchPlan = searchPlan(db, filter),
): StatusCounts {
  const { from, where, params } = build(filter, context, false, plan);
  const rows = prepare(db, `SELECT c.status AS status, count(*) AS n FROM ${from} ${where} GROUP BY c.status`).all(
    params,
  ) as { status: CustomerStatus; n: number }[];
  const counts = Object.fromEntries(customerStatuses.map((status) => [status, 0])) as StatusCounts;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

// Whether the status filter keeps a status, as build's status condition does in SQL.
function statusMatches(filter: QueueFilter['status'], status: CustomerStatus): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return status !== 'checked-out' && status !== 'archived';
  return status === filter;
}

export function queueWindow(
  db: Database,
  request: { filter: QueueFilter; sort: QueueSort; offset: number; limit: number },
  context: QueueContext,
): QueueWindow {
  const read = db.transaction(() => {
    const plan = searchPlan(db, request.filter);
    const counts = countByStatus(db, request.filter, context, plan);
    // The total is the counts of the statuses the filter keeps: one pass over the matches instead of two.
    const total = customerStatuses
      .filter((status) => statusMatches(request.filter.status, status))
      .reduce((sum, status) => sum + counts[status], 0);
    // The index walk only pays when it runs in the sort's order; a nullable column's order sorts anyway.
    const { from, where, params } = build(
      request.filter,
      context,
      true,
      nullableColumns.has(request.sort.column) ? 'fts' : plan,
    );
    // OFFSET steps over every row before the window: a window past the middle is read from the end instead
    // (the order ends in the unique seq, so backwards it is the very same rows), and jumping to the end of
    // 100,000 customers costs what the first window does.
    const reversed = request.offset > total / 2 && request.offset < total;
    const limit = reversed ? Math.min(request.limit, total - request.offset) : request.limit;
    const offset = reversed ? total - request.offset - limit : request.offset;
    const records = prepare(
      db,
      `SELECT c.id, c.kind, c.company_name, coalesce(c.default_domain, c.domain_prefix || '.onmicrosoft.com') AS domain,
         c.reseller_name, c.status, c.authorization_link IS NOT NULL AS has_link, c.link_sent_at, c.last_verified_at,
         c.next_follow_up, c.owner, c.created_at, c.updated_at
       FROM ${from} ${where} ${orderBy(request.sort, reversed)} LIMIT @limit OFFSET @offset`,
    ).all({ ...params, limit, offset }) as QueueRowRecord[];
    if (reversed) records.reverse();
    return { total, rows: records.map(toRow), counts };
  });
  // One read transaction: the total, the rows and the counts describe the same moment.
  return { ...read(), offset: request.offset };
}

// range: only the ids of those rows of the sorted queue (a shift-click range); all of them without it.
export function queueIds(
  db: Database,
  filter: QueueFilter,
  sort: QueueSort,
  context: QueueContext,
  range: { offset: number; limit: number } | null = null,
): string[] {
  const { from, where, params } = build(filter, context, true);
  return prepare(db, `SELECT c.id FROM ${from} ${where} ${orderBy(sort)} LIMIT @limit OFFSET @offset`)
    .pluck()
    .all({ ...params, limit: range?.limit ?? -1, offset: range?.offset ?? 0 }) as string[];
}

// The customers a condition names (a resolved selection), in the order they were added.
export function selectedIds(db: Database, condition: SqlCondition): string[] {
  return prepare(db, `SELECT c.id FROM customers c WHERE ${condition.sql} ORDER BY c.seq`)
    .pluck()
    .all(condition.params) as string[];
}

export interface SelectedLink {
  id: string;
  company_name: string;
  contact_email: string;
  authorization_link: string | null;
}

// What copying the links of a resolved selection needs, in the order the customers were added.
export function selectedLinks(db: Database, condition: SqlCondition): SelectedLink[] {
  return prepare(
    db,
    `SELECT c.id, c.company_name, c.contact_email, c.authorization_link FROM customers c
     WHERE ${condition.sql} ORDER BY c.seq`,
  ).all(condition.params) as SelectedLink[];
}

export function companyNames(db: Database, customerIds: string[]): Map<string, string> {
  const rows = prepare(db, 'SELECT id, company_name FROM customers WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(customerIds),
  ) as { id: string; company_name: string }[];
  return new Map(rows.map((row) => [row.id, row.company_name]));
}

export function queueFacets(db: Database, currentUser: string): QueueFacets {
  const resellers = prepare(
    db,
    'SELECT DISTINCT reseller_name FROM customers WHERE reseller_name IS NOT NULL ORDER BY reseller_name COLLATE NOCASE',
  )
    .pluck()
    .all() as string[];
  const owners = prepare(db, 'SELECT DISTINCT owner FROM customers ORDER BY owner COLLATE NOCASE')
    .pluck()
    .all() as string[];
  return { resellers, owners, currentUser };
}
