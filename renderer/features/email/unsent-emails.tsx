// Emails that have not gone out yet: waiting for a retry (server busy, connection refused) or failed for a
// reason a person must fix (password refused, message rejected). Nothing is lost: "Retry failed emails"
// sends them again once the cause is fixed, each at most once. Main sends the oldest few and the counts.
import { useTranslation } from 'react-i18next';
import type { UnsentEmails as UnsentEmailsWindow } from '../../../shared/email/email-messages';
import { formatDateTime } from '../../components/format-time';
import { currentLanguage } from '../../i18n/i18n';

export function UnsentEmails({
  unsent,
  busy,
  onRetry,
}: {
  unsent: UnsentEmailsWindow;
  busy: boolean;
  onRetry: () => void;
}) {
  const { t } = useTranslation('email');
  const { emails, total, failed } = unsent;
  if (total === 0) return null;
  return (
    <details className="unsent-emails">
      <summary>
        {t('unsent.title')} <span className="due-count">{total.toLocaleString(currentLanguage())}</span>
      </summary>
      <ul className="due-list" aria-label={t('unsent.title')}>
        {emails.map((email) => (
          <li key={email.id}>
            <span>
              {email.to} · {email.subject}
            </span>
            <span className="cell-secondary">
              {email.status === 'failed'
                ? t('unsent.notSent', { error: email.lastError ?? t('unsent.unknownError') })
                : email.lastError
                  ? t('unsent.retryingError', { date: formatDateTime(email.nextAttemptAt), error: email.lastError })
                  : t('unsent.retrying', { date: formatDateTime(email.nextAttemptAt) })}
            </span>
          </li>
        ))}
      </ul>
      {total > emails.length && <p className="cell-secondary">{t('unsent.more', { count: total - emails.length })}</p>}
      <div className="button-row">
        <button type="button" disabled={busy} onClick={onRetry}>
          {failed > 0 ? t('unsent.retryCount', { failed }) : t('unsent.retry')}
        </button>
      </div>
    </details>
  );
}
