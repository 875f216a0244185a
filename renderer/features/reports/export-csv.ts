// Exports customers or their history as CSV (main builds the file) and saves it as a download; says what was
// exported. The Export panel in Reports and the command palette both use it.
import type { QueueFilter } from '../../../shared/domain/queue-query';
import { call } from '../../api/authdesk-client';
import { i18n } from '../../i18n/i18n';
import { saveTextAsDownload } from './save-download';

export type ExportKind = 'customers' | 'history';

// filter null: every customer.
export async function exportCsv(kind: ExportKind, filter: QueueFilter | null): Promise<string> {
  const file = await call(kind === 'customers' ? 'exportCustomersCsv' : 'exportHistoryCsv', { filter });
  saveTextAsDownload(file.fileName, file.csv);
  return i18n.t(kind === 'customers' ? 'reports:export.customersDone' : 'reports:export.historyDone', {
    file: file.fileName,
    count: file.rows,
  });
}
