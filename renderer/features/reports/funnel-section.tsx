// The funnel: customers added, sent the link, authorized, checked out, with the conversion from each step to
// the next; and the median and 90th-percentile time from link sent to authorized.
import { useTranslation } from 'react-i18next';
import {
  formatDuration,
  formatPercent,
  funnelSteps,
  stepConversion,
  type ConversionReport,
} from '../../../shared/domain/conversion-report';
import { formatNumber } from '../../components/format-time';
import { ReportChart } from './report-chart';

export function FunnelSection({ report }: { report: ConversionReport }) {
  const { t } = useTranslation(['reports', 'domain']);
  const { funnel, timeToAuthorize } = report;
  const stepLabel = (step: (typeof funnelSteps)[number]) => t(`domain:funnelStep.${step}`);
  const summary = funnelSteps.map((step) => `${stepLabel(step)} ${formatNumber(funnel[step])}`).join(', ');
  return (
    <section className="panel report-section" aria-labelledby="funnel-title">
      <h2 id="funnel-title">{t('funnel.title')}</h2>
      <div className="report-pair">
        <ReportChart
          summary={t('funnel.chartSummary', { summary })}
          steps={['added']}
          rows={funnelSteps.map((step) => ({ label: stepLabel(step), values: { added: funnel[step] } }))}
        />
        <table className="report-table" aria-label={t('funnel.title')}>
          <thead>
            <tr>
              <th scope="col">{t('funnel.step')}</th>
              <th scope="col" className="number">
                {t('funnel.customers')}
              </th>
              <th scope="col" className="number">
                {t('funnel.fromPrevious')}
              </th>
              <th scope="col" className="number">
                {t('funnel.ofAdded')}
              </th>
            </tr>
          </thead>
          <tbody>
            {funnelSteps.map((step) => (
              <tr key={step}>
                <th scope="row">{stepLabel(step)}</th>
                <td className="number">{formatNumber(funnel[step])}</td>
                <td className="number">{step === 'added' ? '' : formatPercent(stepConversion(funnel, step))}</td>
                <td className="number">{funnel.added === 0 ? '–' : formatPercent(funnel[step] / funnel.added)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="report-figures" aria-label={t('funnel.timeLabel')}>
        <div>
          <dt>{t('funnel.median')}</dt>
          <dd data-testid="median-time">{formatDuration(timeToAuthorize.medianSeconds)}</dd>
        </div>
        <div>
          <dt>{t('funnel.p90')}</dt>
          <dd data-testid="p90-time">{formatDuration(timeToAuthorize.p90Seconds)}</dd>
        </div>
        <div>
          <dt>{t('funnel.measured')}</dt>
          <dd>{formatNumber(timeToAuthorize.count)}</dd>
        </div>
      </dl>
    </section>
  );
}
