// The conversion-tracking services built together on the app's context: the conversion report,
// CSV export (the app's one streamed file export, shared with the mail merge), and CSV import through the
// customer service's own rules.
import type { CsvFileExport } from '../import-export/csv-file-export';
import { createCustomerImportService, type CustomerImportService } from '../import-export/customer-import-service';
import type { AuthorizationLinkService } from '../links/authorization-link-service';
import type { CustomerService } from '../customers/customer-service';
import type { QueueService } from '../queue/queue-service';
import type { ResellerService } from '../resellers/reseller-service';
import type { ServiceContext } from '../../platform/service-context';
import { createReportService, type ReportService } from './conversion-report-service';

export interface ReportsServices {
  report: ReportService;
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
    csvFile: CsvFileExport;
  },
): ReportsServices {
  return {
    report: createReportService(context),
    csvFile: dependencies.csvFile,
    customerImport: createCustomerImportService(context, dependencies),
  };
}
