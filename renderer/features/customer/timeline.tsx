// The customer's history, newest first: every step with its time and who did it.
import { useTranslation } from 'react-i18next';
import type { CustomerEvent } from '../../../shared/domain/customer-event';
import { formatDateTime } from '../../components/format-time';

export function Timeline({ events }: { events: CustomerEvent[] }) {
  const { t } = useTranslation('customer');
  const newestFirst = [...events].reverse();
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <ol className="timeline">
        {newestFirst.map((event) => (
          <li key={event.id} className={`timeline-item event-${event.type}`}>
            <span className="timeline-summary">{event.summary}</span>
            <span className="timeline-meta">
              <time dateTime={event.at}>{formatDateTime(event.at)}</time> · {event.actor}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
