// One breakdown of the funnel (by owner, by reseller, by week of creation): a grouped bar chart and the table
// with the same counts and the share of sent customers who authorized.
import { useTranslation } from 'react-i18next';
import { formatPercent, funnelSteps, type BreakdownRow } from '../../../shared/domain/conversion-report';
import { formatNumber } from '../../components/format-time';
import { ReportChart } from './report-chart';

// Charts stay readable with a dozen groups; the table always has every row.
const chartLimit = 12;

export function BreakdownSection({
  id,
  title,
  keyLabel,
  rows,
}: {
  id: string;
  title: string;
  keyLabel: string;
  rows: BreakdownRow[];
}) {
  const { t } = useTranslation(['reports', 'domain']);
  const charted = rows.slice(0, chartLimit);
  return (
    <section className="panel report-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {rows.length === 0 ? (
        <p className="report-empty">{t('breakdown.empty')}</p>
      ) : (
        <div className="report-pair">
          <ReportChart
            summary={t('breakdown.chartSummary', {
              title,
              rows: charted
                .map((row) =>
                  t('breakdown.chartRow', { label: row.label, added: row.added, authorized: row.authorized }),
                )
                .join('; '),
            })}
            rows={charted.map((row) => ({ label: row.label, values: row }))}
          />
          <table className="report-table" aria-label={title}>
            <thead>
              <tr>
                <th scope="col">{keyLabel}</th>
                {funnelSteps.map((step) => (
                  <th key={step} scope="col" className="number">
                    {t(`domain:funnelStep.${step}`)}
                  </th>
                ))}
                <th scope="col" className="number">
                  {t('breakdown.sentToAuthorized')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {funnelSteps.map((step) => (
                    <td key={step} className="number">
                      {formatNumber(row[step])}
                    </td>
                  ))}
                  <td className="number">{formatPercent(row.sent === 0 ? null : row.authorized / row.sent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
