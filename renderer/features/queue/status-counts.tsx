// Counts per status under the current search and filters; a click filters the queue to that status.
import { useAppStore } from '../../store/app-store';
import { customerStatuses, customerStatusLabels } from '../../../shared/domain/customer-status';

export function StatusCounts() {
  const counts = useAppStore((state) => state.counts);
  const status = useAppStore((state) => state.filter.status);
  const setFilter = useAppStore((state) => state.setFilter);
  const total = useAppStore((state) => state.total);
  if (!counts) return null;
  return (
    <div className="status-counts" role="group" aria-label="Customers per status">
      {customerStatuses.map((value) => (
        <button
          key={value}
          type="button"
          className={`status-count status-count-${value}`}
          aria-pressed={status === value}
          onClick={() => setFilter({ status: status === value ? 'open' : value })}
        >
          <span className={`status-dot status-${value}`} aria-hidden="true" />
          {customerStatusLabels[value]} <strong>{counts[value].toLocaleString()}</strong>
        </button>
      ))}
      <span className="status-total" aria-live="polite">
        {total.toLocaleString()} shown
      </span>
    </div>
  );
}
