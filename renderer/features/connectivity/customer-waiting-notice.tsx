// In a customer's view: what is waiting for Partner Center for this customer ("Verification queued: will run
// when Partner Center is reachable"), so a queued Get link or Verify is visible where the user asked for it.
import { useConnectivityStore } from './connectivity-store';
import './connectivity.css';

export function CustomerWaitingNotice({ customerId }: { customerId: string }) {
  const waiting = useConnectivityStore((state) => state.waiting);
  const online = useConnectivityStore((state) => state.online);
  const mine = waiting.filter((action) => action.customerId === customerId);
  if (mine.length === 0) return null;
  return (
    <div className="customer-waiting" role="status">
      {mine.map((action) => (
        <p key={action.id}>
          <strong>Queued:</strong> {action.label}{' '}
          {action.status === 'failed'
            ? `failed (${action.lastError ?? 'unknown error'}); retry it from the waiting list.`
            : online
              ? '(running shortly).'
              : 'will run when Partner Center is reachable.'}
        </p>
      ))}
    </div>
  );
}
