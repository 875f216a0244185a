// The CSV export and import channels' handlers: thin calls into the export and import services.
import type { importExportChannels } from '../../../shared/ipc/channels/import-export';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { CsvFileExport } from './csv-file-export';
import type { CustomerImportService } from './customer-import-service';

export function createImportExportHandlers({
  reports,
}: {
  // Built with the reports services (main/features/reports/reports-services.ts), hence the name.
  reports: { csvFile: CsvFileExport; customerImport: CustomerImportService };
}): HandlersOf<typeof importExportChannels> {
  const { csvFile, customerImport } = reports;
  return {
    exportCsvFile: async ({ kind, filter, operationId }) => csvFile.toFile(kind, filter, operationId),
    cancelCsvExport: async ({ operationId }) => {
      csvFile.cancel(operationId);
      return {};
    },
    previewCustomerImport: async ({ text, mapping, resellerChoices }) =>
      customerImport.preview(text, mapping, resellerChoices ?? {}),
    importCustomers: async ({ text, mapping, onDuplicate, requestLinks, operationId, resellerChoices }) =>
      customerImport.importCustomers({
        text,
        mapping,
        onDuplicate,
        requestLinks,
        operationId,
        resellerChoices: resellerChoices ?? {},
      }),
  };
}
