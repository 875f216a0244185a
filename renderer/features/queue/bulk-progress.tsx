// Progress of the running bulk operation (fed by main's operationProgress events) and, once it is done, the
// customers it could not do (the first few main sent, and how many more there are).
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/app-store';

export function BulkProgress() {
  const { t } = useTranslation('queue');
  const operation = useAppStore((state) => state.operation);
  const dismiss = useAppStore((state) => state.dismissOperation);
  const selectCustomer = useAppStore((state) => state.selectCustomer);
  if (!operation) return null;
  const { label, running, done, total, failed, notDone } = operation;
  const values = { label, done, total, failed };
  const status =
    failed > 0
      ? t(running ? 'progress.runningFailed' : 'progress.finishedFailed', values)
      : t(running ? 'progress.running' : 'progress.finished', values);
  return (
    <section className="bulk-progress" aria-label={t('progress.label', { label })}>
      <div className="bulk-progress-head">
        <label htmlFor="bulk-progress-bar">{status}</label>
        {!running && (
          <button type="button" className="link-button" onClick={dismiss}>
            {t('progress.close')}
          </button>
        )}
      </div>
      <progress id="bulk-progress-bar" max={Math.max(total, 1)} value={done} />
      {!running && notDone.length > 0 && (
        <ul className="bulk-results" aria-label={t('progress.results', { label })}>
          {notDone.map((result) => (
            <li key={result.customerId} className="bulk-failed">
              <span className="visually-hidden">{t('progress.notDone')}</span>
              <span aria-hidden="true">!</span>
              <button type="button" className="link-button" onClick={() => void selectCustomer(result.customerId)}>
                {result.companyName}
              </button>
              <span className="bulk-message">{result.message}</span>
            </li>
          ))}
          {failed > notDone.length && (
            <li className="bulk-more">{t('progress.more', { rest: failed - notDone.length })}</li>
          )}
        </ul>
      )}
    </section>
  );
}
