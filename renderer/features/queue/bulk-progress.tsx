// Progress of the running bulk operation (fed by main's operationProgress events) and, once it is done, the
// result for each customer.
import { useAppStore } from '../../store/app-store';

export function BulkProgress() {
  const operation = useAppStore((state) => state.operation);
  const dismiss = useAppStore((state) => state.dismissOperation);
  const selectCustomer = useAppStore((state) => state.selectCustomer);
  if (!operation) return null;
  const { label, running, done, total, failed, results } = operation;
  return (
    <section className="bulk-progress" aria-label={`${label} progress`}>
      <div className="bulk-progress-head">
        <label htmlFor="bulk-progress-bar">
          {label}: {done.toLocaleString()} of {total.toLocaleString()}
          {failed > 0 ? `, ${failed.toLocaleString()} not done` : ''}
          {running ? '…' : ' (finished)'}
        </label>
        {!running && (
          <button type="button" className="link-button" onClick={dismiss}>
            Close results
          </button>
        )}
      </div>
      <progress id="bulk-progress-bar" max={Math.max(total, 1)} value={done} />
      {!running && results.length > 0 && (
        <ul className="bulk-results" aria-label={`${label} results`}>
          {results.map((result) => (
            <li key={result.customerId} className={result.ok ? 'bulk-ok' : 'bulk-failed'}>
              <span className="visually-hidden">{result.ok ? 'Done: ' : 'Not done: '}</span>
              <span aria-hidden="true">{result.ok ? '✓' : '!'}</span>
              <button type="button" className="link-button" onClick={() => void selectCustomer(result.customerId)}>
                {result.companyName}
              </button>
              <span className="bulk-message">{result.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
