// The list of customers with their status, domain, reseller and age; a row opens the customer.
import { useAppStore } from '../../store/app-store';
import { StatusBadge } from '../../components/status-badge';
import { formatAge } from '../../components/format-time';
import { onMicrosoftDomain } from '../../../shared/domain/validation';
import { nextStepByStatus } from '../../../shared/domain/customer-status';

export function QueueTable() {
  const customers = useAppStore((state) => state.customers);
  const loaded = useAppStore((state) => state.queueLoaded);
  const error = useAppStore((state) => state.queueError);
  const selectedId = useAppStore((state) => state.selectedCustomerId);
  const selectCustomer = useAppStore((state) => state.selectCustomer);
  const notify = useAppStore((state) => state.notify);

  if (error)
    return (
      <p className="queue-message" role="alert">
        {error}
      </p>
    );
  if (!loaded) return <p className="queue-message">Loading…</p>;
  if (customers.length === 0) return <p className="queue-message">No customers match.</p>;

  const open = (id: string) => selectCustomer(id).catch((reason: unknown) => notify('error', String(reason)));
  return (
    <table className="queue-table">
      <thead>
        <tr>
          <th scope="col">Company</th>
          <th scope="col">Default domain · reseller</th>
          <th scope="col">Status · age</th>
        </tr>
      </thead>
      <tbody>
        {customers.map((customer) => (
          <tr
            key={customer.id}
            aria-selected={customer.id === selectedId}
            className={customer.id === selectedId ? 'selected' : undefined}
            tabIndex={0}
            onClick={() => void open(customer.id)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                void open(customer.id);
              }
            }}
          >
            <td>
              <div className="cell-primary">{customer.companyName}</div>
              <div className="cell-secondary">{nextStepByStatus[customer.status]}</div>
            </td>
            <td>
              <div>{customer.defaultDomain ?? onMicrosoftDomain(customer.domainPrefix)}</div>
              <div className="cell-secondary">
                {customer.kind === 'indirect' ? (customer.resellerName ?? 'No reseller') : 'Direct'}
              </div>
            </td>
            <td>
              <StatusBadge status={customer.status} />
              <div className="cell-secondary" title={customer.createdAt}>
                Added {formatAge(customer.createdAt)}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
