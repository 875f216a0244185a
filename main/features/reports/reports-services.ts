// The conversion-tracking services built together on the app's context: the conversion report,
// CSV export, and CSV import through the customer service's own rules.
import { createCsvExportService, type CsvExportService } from '../import-export/csv-export-service';
import { createCsvFileExport, type ChooseSavePath, type CsvFileExport } from '../import-export/csv-file-export';
import { createCustomerImportService, type CustomerImportService } from '../import-export/customer-import-service';
import type { AuthorizationLinkService } from '../links/authorization-link-service';
import type { CustomerService } from '../customers/customer-service';
import type { QueueService } from '../queue/queue-service';
import type { ResellerService } from '../resellers/reseller-service';
import { defaultQueueSort } from '../../../shared/domain/queue-query';
import type { ServiceContext } from '../../platform/service-context';
import { createReportService, type ReportService } from './conversion-report-service';

export interface ReportsServices {
  report: ReportService;
  csvExport: CsvExportService;
  csvFile: CsvFileExport;
  customerImport: CustomerImportService;
}

export function createReportsServices(
  context: ServiceContext,
  dependencies: {
    customers: CustomerService;
    resellers: ResellerService;
    links: AuthorizationLinkService;
    queue: QueueService;
    chooseSavePath: ChooseSavePath;
    beforeExportChunk?: () => Promise<void>;
  },
): ReportsServices {
  const matchingIds = (filter: Parameters<QueueService['ids']>[0]) => dependencies.queue.ids(filter, defaultQueueSort);
  return {
    report: createReportService(context),
    csvExport: createCsvExportService(context, matchingIds),
    csvFile: createCsvFileExport(context, {
      matchingCustomers: (filter) => dependencies.queue.condition(filter),
      chooseSavePath: dependencies.chooseSavePath,
      ...(dependencies.beforeExportChunk ? { beforeChunk: dependencies.beforeExportChunk } : {}),
    }),
    customerImport: createCustomerImportService(context, dependencies),
  };
}
