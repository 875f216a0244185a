// A bulk operation's progress bar and its result per recipient.
import type { SendOutcome, SendResult } from '../../../shared/email/email-messages';
import type { OperationProgress } from './use-operation-progress';

const outcomeLabels: Record<SendOutcome, string> = {
  sent: 'Sent',
  'already-sent': 'Already sent',
  'in-progress': 'Being sent',
  failed: 'Failed',
  skipped: 'Skipped',
};

export function SendProgress({ progress, label }: { progress: OperationProgress | null; label: string }) {
  if (!progress) return null;
  return (
    <div className="email-progress">
      <progress aria-label={label} max={progress.total} value={progress.done} />
      <span role="status">
        {progress.done} of {progress.total} done{progress.failed > 0 ? `, ${progress.failed} not sent` : ''}
      </span>
    </div>
  );
}

export function SendResults({ results }: { results: SendResult[] }) {
  if (results.length === 0) return null;
  const sent = results.filter((result) => result.outcome === 'sent').length;
  return (
    <div className="email-results">
      <p>
        {sent} of {results.length} sent.
      </p>
      <table className="email-results-table" aria-label="Result per recipient">
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Recipient</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {results.map((result) => (
            <tr key={result.customerId} className={`email-outcome-${result.outcome}`}>
              <td>{result.companyName}</td>
              <td>{result.to}</td>
              <td>
                <strong>{outcomeLabels[result.outcome]}</strong>
                {result.outcome !== 'sent' && <span className="email-result-message"> {result.message}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
