// Search, the filters (status, reseller, owner, age, follow-up) and "New customer" above the queue.
import { useAppStore } from '../../store/app-store';
import { customerStatuses, customerStatusLabels } from '../../../shared/domain/customer-status';
import { currentUserOwner, type FollowUpFilter, type QueueStatusFilter } from '../../../shared/domain/queue-query';

const ageOptions = [
  { value: '', label: 'Any age' },
  { value: '7', label: 'Older than 7 days' },
  { value: '14', label: 'Older than 14 days' },
  { value: '30', label: 'Older than 30 days' },
];

export function QueueToolbar() {
  const filter = useAppStore((state) => state.filter);
  const setFilter = useAppStore((state) => state.setFilter);
  const facets = useAppStore((state) => state.facets);
  const openNewCustomer = useAppStore((state) => state.setNewCustomerOpen);
  const profileReady = useAppStore((state) => state.profile !== null);
  return (
    <div className="queue-toolbar" role="search">
      <input
        type="search"
        aria-label="Search customers"
        aria-keyshortcuts="/"
        placeholder="Search company, domain, contact, notes…"
        value={filter.search}
        onChange={(event) => setFilter({ search: event.target.value })}
      />
      <select
        aria-label="Status filter"
        value={filter.status}
        onChange={(event) => setFilter({ status: event.target.value as QueueStatusFilter })}
      >
        <option value="open">Open</option>
        <option value="all">All</option>
        {customerStatuses.map((status) => (
          <option key={status} value={status}>
            {customerStatusLabels[status]}
          </option>
        ))}
      </select>
      <select
        aria-label="Reseller filter"
        value={filter.reseller ?? ''}
        onChange={(event) => setFilter({ reseller: event.target.value === '' ? null : event.target.value })}
      >
        <option value="">All resellers</option>
        {facets?.resellers.map((reseller) => (
          <option key={reseller} value={reseller}>
            {reseller}
          </option>
        ))}
      </select>
      <select
        aria-label="Owner filter"
        value={filter.owner ?? ''}
        onChange={(event) => setFilter({ owner: event.target.value === '' ? null : event.target.value })}
      >
        <option value="">All owners</option>
        <option value={currentUserOwner}>Me{facets ? ` (${facets.currentUser})` : ''}</option>
        {facets?.owners
          .filter((owner) => owner !== facets.currentUser)
          .map((owner) => (
            <option key={owner} value={owner}>
              {owner}
            </option>
          ))}
      </select>
      <select
        aria-label="Age filter"
        value={filter.minAgeDays === null ? '' : String(filter.minAgeDays)}
        onChange={(event) => setFilter({ minAgeDays: event.target.value === '' ? null : Number(event.target.value) })}
      >
        {ageOptions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Follow-up filter"
        value={filter.followUp}
        onChange={(event) => setFilter({ followUp: event.target.value as FollowUpFilter })}
      >
        <option value="any">Any follow-up</option>
        <option value="due">Follow-up due</option>
        <option value="none">No follow-up set</option>
      </select>
      <button
        type="button"
        className="primary"
        aria-keyshortcuts="N"
        disabled={!profileReady}
        title={profileReady ? 'New customer (N)' : 'Set up your partner profile in Settings first'}
        onClick={() => openNewCustomer(true)}
      >
        New customer
      </button>
      <button
        type="button"
        disabled={!profileReady}
        title={profileReady ? 'Import customers from a CSV file' : 'Set up your partner profile in Settings first'}
        onClick={() => useAppStore.getState().setImportOpen(true)}
      >
        Import CSV…
      </button>
    </div>
  );
}
