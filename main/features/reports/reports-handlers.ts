// The conversion-tracking channels' handlers (spread into main/app/handlers.ts): thin calls into the services.
import type { reportsContract } from '../../../shared/ipc/reports-contract';
import type { Handlers } from '../../app/handlers';
import type { Services } from '../../app/create-services';

type ReportsMethod = keyof typeof reportsContract;

export function createReportsHandlers(services: Services): Pick<Handlers, ReportsMethod> {
  const { report, csvExport, customerImport } = services.reports;
  return {
    getConversionReport: async (filter) => report.conversion(filter),
    exportCustomersCsv: async ({ filter }) => csvExport.customers(filter),
    exportHistoryCsv: async ({ filter }) => csvExport.history(filter),
    previewCustomerImport: async ({ text, mapping }) => customerImport.preview(text, mapping),
    importCustomers: async ({ text, mapping, onDuplicate, requestLinks, operationId }) =>
      customerImport.importCustomers({ text, mapping, onDuplicate, requestLinks, operationId }),
  };
}
