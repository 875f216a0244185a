// Search, status filter and "New customer" above the queue.
import { useAppStore } from '../../store/app-store';
import { customerStatuses, customerStatusLabels } from '../../../shared/domain/customer-status';
import type { StatusFilter } from '../../store/queue-slice';

export function QueueToolbar() {
  const search = useAppStore((state) => state.search);
  const setSearch = useAppStore((state) => state.setSearch);
  const statusFilter = useAppStore((state) => state.statusFilter);
  const setStatusFilter = useAppStore((state) => state.setStatusFilter);
  const openNewCustomer = useAppStore((state) => state.setNewCustomerOpen);
  const profileReady = useAppStore((state) => state.profile !== null);
  return (
    <div className="queue-toolbar">
      <input
        type="search"
        aria-label="Search customers"
        placeholder="Search company, domain, contact…"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <select
        aria-label="Status filter"
        value={statusFilter}
        onChange={(event) => setStatusFilter(event.target.value as StatusFilter)}
      >
        <option value="open">Open</option>
        <option value="all">All</option>
        {customerStatuses.map((status) => (
          <option key={status} value={status}>
            {customerStatusLabels[status]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="primary"
        disabled={!profileReady}
        title={profileReady ? undefined : 'Set up your partner profile in Settings first'}
        onClick={() => openNewCustomer(true)}
      >
        New customer
      </button>
    </div>
  );
}
