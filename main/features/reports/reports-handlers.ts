// The conversion report's channel handler: a thin call into the report service.
import type { reportsChannels } from '../../../shared/ipc/channels/reports';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { ReportsServices } from './reports-services';

export function createReportsHandlers({
  reports,
}: {
  reports: Pick<ReportsServices, 'report'>;
}): HandlersOf<typeof reportsChannels> {
  return {
    getConversionReport: async (filter) => reports.report.conversion(filter),
  };
}
