// The customers a report looks at: those created in the filter's date range, each with the first moments of
// its history (link sent, authorized, checked out) that migration 004's triggers keep on the customer row.
// Every report module starts from this CTE so they all count the same customers the same way.
import type { ReportFilter } from '../../../shared/domain/conversion-report';

export interface CohortParameters {
  from: string | null;
  toExclusive: string | null;
}

// created_at is an ISO instant, so comparing it with a YYYY-MM-DD string compares UTC days; the open ends
// become '' and '9' (before and after every date). By default the range is checked inside whichever report
// index fits the query (the unary + keeps SQLite from preferring the bare created_at index, which would read
// every wide customer row); the funnel asks for the range itself to be the index range (indexedRange).
const cohortSql = (range: string) => `cohort AS (
  SELECT c.id, c.company_name, c.owner, c.reseller_mpn_id, c.reseller_name, c.status, c.created_at,
    c.first_sent_at, c.first_authorized_at, c.first_checked_out_at, c.created_week, c.authorize_seconds
  FROM customers c
  WHERE ${range}c.created_at >= COALESCE(@from, '') AND ${range}c.created_at < COALESCE(@toExclusive, '9')
)`;
export const cohortCte = cohortSql('+');
export const cohortCteIndexedRange = cohortSql('');

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

export function cohortParameters(filter: Pick<ReportFilter, 'from' | 'to'>): CohortParameters {
  return { from: filter.from, toExclusive: filter.to === null ? null : nextDay(filter.to) };
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
