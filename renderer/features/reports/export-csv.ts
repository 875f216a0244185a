// Exports customers or their history as CSV: main asks where to save and streams the rows into that file
// (following operationProgress under the operation id given, cancellable with cancelCsvExport); says what
// was exported. The Export panel in Reports and the command palette both use it.
import type { QueueFilter } from '../../../shared/domain/queue-query';
import { call } from '../../api/authdesk-client';
import { i18n } from '../../i18n/i18n';

export type ExportKind = 'customers' | 'history';

// filter null: every customer.
export async function exportCsv(
  kind: ExportKind,
  filter: QueueFilter | null,
  operationId: string = crypto.randomUUID(),
): Promise<string> {
  const file = await call('exportCsvFile', { kind, filter, operationId });
  if (file.fileName === null) return i18n.t('reports:export.nothing');
  if (file.cancelled) return i18n.t('reports:export.cancelled');
  const done = { file: file.fileName, count: file.rows };
  return kind === 'customers'
    ? i18n.t('reports:export.customersDone', done)
    : i18n.t('reports:export.historyDone', done);
}
