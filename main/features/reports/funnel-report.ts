// The funnel: how many customers created in the range were added, sent the link, authorized, checked out.
import type { Database } from 'better-sqlite3';
import type { FunnelCounts } from '../../../shared/domain/conversion-report';
import { cohortStatements, funnelColumns, type CohortParameters } from './report-cohort';

const statements = cohortStatements((db, cohort) => ({
  funnel: db.prepare<CohortParameters, FunnelCounts>(`WITH ${cohort.indexedRange} SELECT ${funnelColumns} FROM cohort`),
}));

export function funnelReport(db: Database, parameters: CohortParameters): FunnelCounts {
  const row = statements(db, parameters).funnel.get(parameters);
  return row ?? { added: 0, sent: 0, authorized: 0, checkedOut: 0 };
}
