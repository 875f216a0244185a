// Time from link sent (first hand-off) to authorized (first passed verification): the median and the 90th
// percentile, interpolated between the two nearest ranks (as PERCENTILE_CONT does), in seconds. SQL counts
// the durations and picks the two values around each rank; only the interpolation between them is done here.
import type { Database } from 'better-sqlite3';
import type { TimeToAuthorize } from '../../../shared/domain/conversion-report';
import { cohortStatements, type CohortParameters } from './report-cohort';

// authorize_seconds (migration 004) is null unless the customer was sent the link and authorized after it.
const durations = `durations AS (SELECT authorize_seconds AS seconds FROM cohort WHERE authorize_seconds IS NOT NULL)`;

const statements = cohortStatements((db, cohort) => ({
  count: db.prepare<CohortParameters, { n: number }>(
    `WITH ${cohort.cte}, ${durations} SELECT COUNT(*) AS n FROM durations`,
  ),
  // The values at ranks @rank and @rank + 1 (0-based) of the sorted durations.
  around: db
    .prepare<CohortParameters & { rank: number }, number>(
      `WITH ${cohort.cte}, ${durations} SELECT seconds FROM durations ORDER BY seconds LIMIT 2 OFFSET @rank`,
    )
    .pluck(),
}));

function percentile(db: Database, parameters: CohortParameters, n: number, p: number): number {
  const position = p * (n - 1);
  const rank = Math.floor(position);
  const [lower = 0, upper = lower] = statements(db, parameters).around.all({ ...parameters, rank });
  return lower + (upper - lower) * (position - rank);
}

export function timeToAuthorizeReport(db: Database, parameters: CohortParameters): TimeToAuthorize {
  const n = statements(db, parameters).count.get(parameters)?.n ?? 0;
  if (n === 0) return { count: 0, medianSeconds: null, p90Seconds: null };
  return {
    count: n,
    medianSeconds: percentile(db, parameters, n, 0.5),
    p90Seconds: percentile(db, parameters, n, 0.9),
  };
}
