// The customers a report looks at: those created in the filter's date range, each with the first moments of
// its history (link sent, authorized, checked out) that migration 004's triggers keep on the customer row.
// Every report module starts from this CTE so they all count the same customers the same way.
import type { Database } from 'better-sqlite3';
import type { ReportFilter } from '../../../shared/domain/conversion-report';
import { statementCache } from '../../platform/db/statement-cache';

// owner: only the customers this person owns ("Me"); null for everyone's ("Team", or the whole desktop).
export interface CohortParameters {
  from: string | null;
  toExclusive: string | null;
  owner: string | null;
}

// created_at is an ISO instant, so comparing it with a YYYY-MM-DD string compares UTC days; the open ends
// become '' and '9' (before and after every date). By default the range is checked inside whichever report
// index fits the query (the unary + keeps SQLite from preferring the bare created_at index, which would read
// every wide customer row); the funnel asks for the range itself to be the index range (indexedRange).
const cohortSql = (range: string, mine: boolean) => `cohort AS (
  SELECT c.id, c.company_name, c.owner, c.reseller_mpn_id, c.reseller_name, c.status, c.created_at,
    c.first_sent_at, c.first_authorized_at, c.first_checked_out_at, c.created_week, c.authorize_seconds
  FROM customers c
  WHERE ${range}c.created_at >= COALESCE(@from, '') AND ${range}c.created_at < COALESCE(@toExclusive, '9')
    ${mine ? 'AND c.owner = @owner' : ''}
)`;

export interface Cohort {
  cte: string;
  // The same customers, for a query that wants the date range itself to be the index range.
  indexedRange: string;
}

// Each report's statements, prepared once for everyone's customers and once for one owner's: two plain
// statements let SQLite pick the right index for each (an "owner IS NULL OR" test would hide the owner index).
export function cohortStatements<Statements>(
  build: (db: Database, cohort: Cohort) => Statements,
): (db: Database, parameters: CohortParameters) => Statements {
  const everyone = statementCache((db) =>
    build(db, { cte: cohortSql('+', false), indexedRange: cohortSql('', false) }),
  );
  const oneOwner = statementCache((db) => build(db, { cte: cohortSql('+', true), indexedRange: cohortSql('', true) }));
  return (db, parameters) => (parameters.owner === null ? everyone(db) : oneOwner(db));
}

// A step reached later counts as passing the earlier ones (a customer verified without a recorded hand-off
// was still sent the link somehow), so the funnel never grows from one step to the next.
export const reachedSteps = {
  checkedOut: 'first_checked_out_at IS NOT NULL',
  authorized: '(first_authorized_at IS NOT NULL OR first_checked_out_at IS NOT NULL)',
  sent: '(first_sent_at IS NOT NULL OR first_authorized_at IS NOT NULL OR first_checked_out_at IS NOT NULL)',
} as const;

export const funnelColumns = `COUNT(*) AS added,
  COALESCE(SUM(${reachedSteps.sent}), 0) AS sent,
  COALESCE(SUM(${reachedSteps.authorized}), 0) AS authorized,
  COALESCE(SUM(${reachedSteps.checkedOut}), 0) AS checkedOut`;

export function cohortParameters(filter: Pick<ReportFilter, 'from' | 'to'>, owner: string | null): CohortParameters {
  return { from: filter.from, toExclusive: filter.to === null ? null : nextDay(filter.to), owner };
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
