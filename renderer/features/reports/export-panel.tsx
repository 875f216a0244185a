// CSV export of customers and of their history: the queue's current filter or everything. main builds the
// CSV; the window saves it through a download.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { exportCsv as exportFile, type ExportKind } from './export-csv';

export function ExportPanel() {
  const { t } = useTranslation('reports');
  const queueFilter = useAppStore((state) => state.filter);
  const notify = useAppStore((state) => state.notify);
  const [scope, setScope] = useState<'filter' | 'all'>('filter');
  const [busy, setBusy] = useState(false);

  const exportCsv = async (kind: ExportKind) => {
    setBusy(true);
    try {
      notify('success', await exportFile(kind, scope === 'all' ? null : queueFilter));
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setBusy(false);
    }
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
    </section>
  );
}
