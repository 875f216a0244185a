// CSV export of customers and of their history: the queue's current filter or everything. main streams the
// CSV into the file chosen in its save dialog; the panel shows its progress and can cancel it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { useOperationProgress } from '../email/use-operation-progress';
import { exportCsv as exportFile, type ExportKind } from './export-csv';

export function ExportPanel() {
  const { t } = useTranslation('reports');
  const queueFilter = useAppStore((state) => state.filter);
  const notify = useAppStore((state) => state.notify);
  const [scope, setScope] = useState<'filter' | 'all'>('filter');
  const [busy, setBusy] = useState(false);
  const [operationId, setOperationId] = useState<string | null>(null);
  // main has the Cancel: the export stops at its next chunk and leaves no file.
  const [cancelling, setCancelling] = useState(false);
  const progress = useOperationProgress(operationId);

  const exportCsv = async (kind: ExportKind) => {
    setBusy(true);
    const id = crypto.randomUUID();
    setOperationId(id);
    try {
      notify('success', await exportFile(kind, scope === 'all' ? null : queueFilter, id));
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setBusy(false);
      setOperationId(null);
      setCancelling(false);
    }
  };

  const cancel = () => {
    if (!operationId) return;
    call('cancelCsvExport', { operationId })
      .then(() => setCancelling(true))
      .catch((error: unknown) => notify('error', errorMessage(error)));
  };

  return (
    <section className="panel report-export" aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <fieldset className="radio-group">
        <legend>{t('export.which')}</legend>
        <label className="checkbox">
          <input type="radio" name="export-scope" checked={scope === 'filter'} onChange={() => setScope('filter')} />
          {t('export.filter')}
        </label>
        <label className="checkbox">
          <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
          {t('export.all')}
        </label>
      </fieldset>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void exportCsv('customers')}>
          {t('export.customers')}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportCsv('history')}>
          {t('export.history')}
        </button>
      </div>
      {busy && (
        <div className="email-progress">
          <progress aria-label={t('export.exportingLabel')} max={progress?.total ?? 0} value={progress?.done ?? 0} />
          <span role="status">
            {progress ? t('export.progress', { done: progress.done, count: progress.total }) : t('export.exporting')}
          </span>
          <button type="button" disabled={cancelling} onClick={cancel}>
            {cancelling ? t('export.cancelling') : t('export.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
