// Emails that have not gone out yet: waiting for a retry (server busy, connection refused) or failed for a
// reason a person must fix (password refused, message rejected). Nothing is lost: "Retry failed emails"
// sends them again once the cause is fixed, each at most once.
import type { UnsentEmail } from '../../../shared/email/email-messages';
import { formatDateTime } from '../../components/format-time';

export function UnsentEmails({ emails, busy, onRetry }: { emails: UnsentEmail[]; busy: boolean; onRetry: () => void }) {
  if (emails.length === 0) return null;
  const failed = emails.filter((email) => email.status === 'failed').length;
  return (
    <details className="unsent-emails">
      <summary>
        Unsent emails <span className="due-count">{emails.length}</span>
      </summary>
      <ul className="due-list" aria-label="Unsent emails">
        {emails.map((email) => (
          <li key={email.id}>
            <span>
              {email.to} · {email.subject}
            </span>
            <span className="cell-secondary">
              {email.status === 'failed'
                ? `Not sent: ${email.lastError ?? 'unknown error'}`
                : `Retrying ${formatDateTime(email.nextAttemptAt)}${email.lastError ? `: ${email.lastError}` : ''}`}
            </span>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={onRetry}>
          Retry failed emails{failed > 0 ? ` (${failed})` : ''}
        </button>
      </div>
    </details>
  );
}
