// A bulk operation's progress bar and its result per recipient.
import { useTranslation } from 'react-i18next';
import type { SendSummary } from '../../../shared/email/send-summary';
import type { OperationProgress } from './use-operation-progress';

export function SendProgress({ progress, label }: { progress: OperationProgress | null; label: string }) {
  const { t } = useTranslation('email');
  if (!progress) return null;
  return (
    <div className="email-progress">
      <progress aria-label={label} max={progress.total} value={progress.done} />
      <span role="status">
        {progress.failed > 0
          ? t('results.progressFailed', { done: progress.done, total: progress.total, failed: progress.failed })
          : t('results.progress', { done: progress.done, total: progress.total })}
      </span>
    </div>
  );
}

export function SendResults({ summary }: { summary: SendSummary | null }) {
  const { t } = useTranslation('email');
  if (!summary || summary.total === 0) return null;
  const { results } = summary;
  return (
    <div className="email-results">
      <p>
        {t('results.summary', { sent: summary.sent, total: summary.total })}
        {results.length < summary.total && ` ${t('results.firstListed', { count: results.length })}`}
      </p>
      <table className="email-results-table" aria-label={t('results.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('results.customer')}</th>
            <th scope="col">{t('results.recipient')}</th>
            <th scope="col">{t('results.result')}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((result) => (
            <tr key={result.customerId} className={`email-outcome-${result.outcome}`}>
              <td>{result.companyName}</td>
              <td>{result.to}</td>
              <td>
                <strong>{t(`results.outcome.${result.outcome}`)}</strong>
                {result.outcome !== 'sent' && <span className="email-result-message"> {result.message}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
