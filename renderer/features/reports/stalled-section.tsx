// Customers who were sent the link at least N days ago and have not authorized: the list to chase, each row
// opening the customer.
import type { ConversionReport } from '../../../shared/domain/conversion-report';
import { customerStatusLabels } from '../../../shared/domain/customer-status';
import { useAppStore } from '../../store/app-store';

export function StalledSection({ report }: { report: ConversionReport }) {
  const openCustomer = useAppStore((state) => state.selectCustomer);
  const setView = useAppStore((state) => state.setView);
  const { stalled, stalledTotal, filter } = report;
  return (
    <section className="panel report-section" aria-labelledby="stalled-title">
      <h2 id="stalled-title">
        Stalled: sent {filter.stalledDays} or more days ago, not authorized ({stalledTotal})
      </h2>
      {stalled.length === 0 ? (
        <p className="report-empty">Nobody is waiting that long.</p>
      ) : (
        <table className="report-table report-table-wide" aria-label="Stalled customers">
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Owner</th>
              <th scope="col">Reseller</th>
              <th scope="col">Status</th>
              <th scope="col">Link sent</th>
              <th scope="col" className="number">
                Days waiting
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
                <td>{customerStatusLabels[row.status]}</td>
                <td>{row.sentAt.slice(0, 10)}</td>
                <td className="number">{row.daysSinceSent}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {stalledTotal > stalled.length && (
        <p className="panel-note">
          The {stalled.length} longest waiting of {stalledTotal} are shown; export the customers for all of them.
        </p>
      )}
    </section>
  );
}
