// The stalled list: customers whose link went out at least N days ago and who have not authorized yet
// (still open: not checked out, not archived), the longest-waiting first.
import type { Database } from 'better-sqlite3';
import { stalledLimit, type StalledCustomer } from '../../../shared/domain/conversion-report';
import type { CustomerStatus } from '../../../shared/domain/customer-status';
import { cohortStatements, type CohortParameters } from './report-cohort';

interface StalledParameters extends CohortParameters {
  now: string;
  cutoff: string;
  limit: number;
}

// Written as migration 004's partial index customers_report_waiting is, so SQLite walks that index.
const stalledCondition = `first_authorized_at IS NULL AND status NOT IN ('checked-out', 'archived')
  AND first_sent_at <= @cutoff`;

const statements = cohortStatements((db, cohort) => ({
  list: db.prepare<StalledParameters, Omit<StalledCustomer, 'status'> & { status: CustomerStatus }>(
    `WITH ${cohort.cte}
     SELECT id AS customerId, company_name AS companyName, owner, reseller_name AS resellerName, status,
       first_sent_at AS sentAt,
       CAST((unixepoch(@now) - unixepoch(first_sent_at)) / 86400 AS INTEGER) AS daysSinceSent
     FROM cohort WHERE ${stalledCondition}
     ORDER BY first_sent_at, id LIMIT @limit`,
  ),
  count: db.prepare<Omit<StalledParameters, 'limit' | 'now'>, { total: number }>(
    `WITH ${cohort.cte} SELECT COUNT(*) AS total FROM cohort WHERE ${stalledCondition}`,
  ),
}));

export function stalledReport(
  db: Database,
  parameters: CohortParameters,
  now: Date,
  stalledDays: number,
): { stalled: StalledCustomer[]; stalledTotal: number } {
  const cutoff = new Date(now.getTime() - stalledDays * 86_400_000).toISOString();
  const stalled = statements(db, parameters).list.all({
    ...parameters,
    now: now.toISOString(),
    cutoff,
    limit: stalledLimit,
  });
  const total = statements(db, parameters).count.get({ ...parameters, cutoff })?.total ?? 0;
  return { stalled, stalledTotal: total };
}
