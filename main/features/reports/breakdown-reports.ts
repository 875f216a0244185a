// The funnel broken down by owner (who created the customer), by reseller and by week of creation (cohorts:
// the customers created in one week, and how far they have come since).
import type { Database } from 'better-sqlite3';
import type { BreakdownRow } from '../../../shared/domain/conversion-report';
import { cohortStatements, funnelColumns, type CohortParameters } from './report-cohort';

const statements = cohortStatements((db, cohort) => ({
  byOwner: db.prepare<CohortParameters, BreakdownRow>(
    `WITH ${cohort.cte}
     SELECT owner AS key, owner AS label, ${funnelColumns} FROM cohort GROUP BY owner ORDER BY added DESC, owner`,
  ),
  byReseller: db.prepare<CohortParameters, BreakdownRow>(
    `WITH ${cohort.cte}
     SELECT COALESCE(reseller_mpn_id, '') AS key,
       CASE WHEN reseller_mpn_id IS NULL THEN 'No reseller'
         ELSE COALESCE(MAX(reseller_name), 'MPN ID') || ' (' || reseller_mpn_id || ')' END AS label,
       ${funnelColumns}
     FROM cohort GROUP BY reseller_mpn_id ORDER BY added DESC, key`,
  ),
  // Weeks start on Monday (ISO 8601), in UTC: created_week (migration 004) is the Monday on or before creation.
  byWeek: db.prepare<CohortParameters, BreakdownRow>(
    `WITH ${cohort.cte}
     SELECT created_week AS key, 'Week of ' || created_week AS label, ${funnelColumns}
     FROM cohort GROUP BY created_week ORDER BY created_week`,
  ),
}));

export const ownerBreakdown = (db: Database, parameters: CohortParameters): BreakdownRow[] =>
  statements(db, parameters).byOwner.all(parameters);

export const resellerBreakdown = (db: Database, parameters: CohortParameters): BreakdownRow[] =>
  statements(db, parameters).byReseller.all(parameters);

export const weeklyCohorts = (db: Database, parameters: CohortParameters): BreakdownRow[] =>
  statements(db, parameters).byWeek.all(parameters);
