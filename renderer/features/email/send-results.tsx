// A bulk operation's progress bar and its result per recipient.
import type { SendOutcome } from '../../../shared/email/email-messages';
import type { SendSummary } from '../../../shared/email/send-summary';
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

export function SendResults({ summary }: { summary: SendSummary | null }) {
  if (!summary || summary.total === 0) return null;
  const { results } = summary;
  return (
    <div className="email-results">
      <p>
        {summary.sent} of {summary.total} sent.
        {results.length < summary.total && ` The first ${results.length} results are listed, those not sent first.`}
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
