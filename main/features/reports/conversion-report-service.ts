// The conversion report: every figure from its own SQL module over the same cohort, put together for the
// Reports view and the CLI's `report` (both print the same numbers because both come from here).
import type { Database } from 'better-sqlite3';
import type { ConversionReport, ReportFilter } from '../../../shared/domain/conversion-report';
import { ownerBreakdown, resellerBreakdown, weeklyCohorts } from './breakdown-reports';
import { funnelReport } from './funnel-report';
import { cohortParameters } from './report-cohort';
import { stalledReport } from './stalled-report';
import { timeToAuthorizeReport } from './time-to-authorize-report';

export interface ReportService {
  conversion(filter: ReportFilter): ConversionReport;
}

// me: the user the "me" scope means (owner of a customer is the user who holds it).
export function buildConversionReport(
  db: Database,
  filter: ReportFilter,
  now: Date,
  me: string | null = null,
): ConversionReport {
  const owner = filter.scope === 'me' ? me : null;
  const parameters = cohortParameters(filter, owner);
  // One read transaction: every figure sees the same history even while the app writes.
  return db.transaction(() => ({
    filter: { from: filter.from, to: filter.to, stalledDays: filter.stalledDays, scope: filter.scope, owner },
    generatedAt: now.toISOString(),
    funnel: funnelReport(db, parameters),
    timeToAuthorize: timeToAuthorizeReport(db, parameters),
    byOwner: ownerBreakdown(db, parameters),
    byReseller: resellerBreakdown(db, parameters),
    byWeek: weeklyCohorts(db, parameters),
    ...stalledReport(db, parameters, now, filter.stalledDays),
  }))();
}

export function createReportService(context: { db: Database; now: () => Date; actor: string }): ReportService {
  return { conversion: (filter) => buildConversionReport(context.db, filter, context.now(), context.actor) };
}
