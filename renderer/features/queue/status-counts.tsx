// Counts per status under the current search and filters; a click filters the queue to that status.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/app-store';
import { customerStatuses } from '../../../shared/domain/customer-status';
import { formatNumber } from '../../components/format-time';

export function StatusCounts() {
  const { t } = useTranslation(['queue', 'domain']);
  const counts = useAppStore((state) => state.counts);
  const status = useAppStore((state) => state.filter.status);
  const setFilter = useAppStore((state) => state.setFilter);
  const total = useAppStore((state) => state.total);
  if (!counts) return null;
  return (
    <div className="status-counts" role="group" aria-label={t('counts.label')}>
      {customerStatuses.map((value) => (
        <button
          key={value}
          type="button"
          className={`status-count status-count-${value}`}
          aria-pressed={status === value}
          onClick={() => setFilter({ status: status === value ? 'open' : value })}
        >
          <span className={`status-dot status-${value}`} aria-hidden="true" />
          {t(`domain:status.${value}`)} <strong>{formatNumber(counts[value])}</strong>
        </button>
      ))}
      <span className="status-total" aria-live="polite">
        {t('counts.shown', { count: total })}
      </span>
    </div>
  );
}
