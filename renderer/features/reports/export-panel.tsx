// CSV export of customers and of their history: the queue's current filter or everything. main streams the
// CSV into the file chosen in its save dialog; the panel shows its progress and can cancel it.
import { useState } from 'react';
import { call, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { useOperationProgress } from '../email/use-operation-progress';
import { exportCsv as exportFile, type ExportKind } from './export-csv';

export function ExportPanel() {
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
      <h2 id="export-title">Export CSV</h2>
      <fieldset className="radio-group">
        <legend>Which customers</legend>
        <label className="checkbox">
          <input type="radio" name="export-scope" checked={scope === 'filter'} onChange={() => setScope('filter')} />
          The queue’s current filter
        </label>
        <label className="checkbox">
          <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
          All customers
        </label>
      </fieldset>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void exportCsv('customers')}>
          Export customers
        </button>
        <button type="button" disabled={busy} onClick={() => void exportCsv('history')}>
          Export history
        </button>
      </div>
      {busy && (
        <div className="email-progress">
          <progress aria-label="Exporting" max={progress?.total ?? 0} value={progress?.done ?? 0} />
          <span role="status">
            {progress
              ? `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} rows written`
              : 'Exporting…'}
          </span>
          <button type="button" disabled={cancelling} onClick={cancel}>
            {cancelling ? 'Cancelling…' : 'Cancel export'}
          </button>
        </div>
      )}
    </section>
  );
}
