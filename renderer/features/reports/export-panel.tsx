// CSV export of customers and of their history: the queue's current filter or everything. main builds the
// CSV; the window saves it through a download.
import { useState } from 'react';
import { call, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { saveTextAsDownload } from './save-download';

type ExportKind = 'customers' | 'history';

export function ExportPanel() {
  const queueFilter = useAppStore((state) => state.filter);
  const notify = useAppStore((state) => state.notify);
  const [scope, setScope] = useState<'filter' | 'all'>('filter');
  const [busy, setBusy] = useState(false);

  const exportCsv = async (kind: ExportKind) => {
    setBusy(true);
    try {
      const request = { filter: scope === 'all' ? null : queueFilter };
      const file = await call(kind === 'customers' ? 'exportCustomersCsv' : 'exportHistoryCsv', request);
      saveTextAsDownload(file.fileName, file.csv);
      notify('success', `${file.fileName}: ${file.rows} ${kind === 'customers' ? 'customers' : 'events'} exported.`);
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setBusy(false);
    }
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
    </section>
  );
}
