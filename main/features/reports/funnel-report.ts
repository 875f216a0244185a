// The funnel: how many customers created in the range were added, sent the link, authorized, checked out.
import type { Database } from 'better-sqlite3';
import type { FunnelCounts } from '../../../shared/domain/conversion-report';
import { statementCache } from '../../platform/db/statement-cache';
import { cohortCteIndexedRange, funnelColumns, type CohortParameters } from './report-cohort';

const statements = statementCache((db) => ({
  funnel: db.prepare<CohortParameters, FunnelCounts>(
    `WITH ${cohortCteIndexedRange} SELECT ${funnelColumns} FROM cohort`,
  ),
}));

export function funnelReport(db: Database, parameters: CohortParameters): FunnelCounts {
  const row = statements(db).funnel.get(parameters);
  return row ?? { added: 0, sent: 0, authorized: 0, checkedOut: 0 };
}
