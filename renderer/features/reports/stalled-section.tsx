// Customers who were sent the link at least N days ago and have not authorized: the list to chase, each row
// opening the customer.
import { useTranslation } from 'react-i18next';
import type { ConversionReport } from '../../../shared/domain/conversion-report';
import { formatNumber } from '../../components/format-time';
import { useAppStore } from '../../store/app-store';

export function StalledSection({ report }: { report: ConversionReport }) {
  const { t } = useTranslation(['reports', 'domain']);
  const openCustomer = useAppStore((state) => state.selectCustomer);
  const setView = useAppStore((state) => state.setView);
  const { stalled, stalledTotal, filter } = report;
  return (
    <section className="panel report-section" aria-labelledby="stalled-title">
      <h2 id="stalled-title">{t('stalled.title', { count: filter.stalledDays, total: stalledTotal })}</h2>
      {stalled.length === 0 ? (
        <p className="report-empty">{t('stalled.empty')}</p>
      ) : (
        <table className="report-table report-table-wide" aria-label={t('stalled.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('stalled.customer')}</th>
              <th scope="col">{t('stalled.owner')}</th>
              <th scope="col">{t('stalled.reseller')}</th>
              <th scope="col">{t('stalled.status')}</th>
              <th scope="col">{t('stalled.linkSent')}</th>
              <th scope="col" className="number">
                {t('stalled.daysWaiting')}
              </th>
            </tr>
          </thead>
          <tbody>
            {stalled.map((row) => (
              <tr key={row.customerId}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setView('queue');
                      void openCustomer(row.customerId);
                    }}
                  >
                    {row.companyName}
                  </button>
                </th>
                <td>{row.owner}</td>
                <td>{row.resellerName ?? '—'}</td>
                <td>{t(`domain:status.${row.status}`)}</td>
                <td>{row.sentAt.slice(0, 10)}</td>
                <td className="number">{formatNumber(row.daysSinceSent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {stalledTotal > stalled.length && (
        <p className="panel-note">{t('stalled.more', { shown: stalled.length, total: stalledTotal })}</p>
      )}
    </section>
  );
}
