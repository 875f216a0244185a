// The funnel: customers added, sent the link, authorized, checked out, with the conversion from each step to
// the next; and the median and 90th-percentile time from link sent to authorized.
import {
  formatDuration,
  formatPercent,
  funnelStepLabels,
  funnelSteps,
  stepConversion,
  type ConversionReport,
} from '../../../shared/domain/conversion-report';
import { ReportChart } from './report-chart';

export function FunnelSection({ report }: { report: ConversionReport }) {
  const { funnel, timeToAuthorize } = report;
  const summary = funnelSteps.map((step) => `${funnelStepLabels[step]} ${funnel[step]}`).join(', ');
  return (
    <section className="panel report-section" aria-labelledby="funnel-title">
      <h2 id="funnel-title">Funnel</h2>
      <div className="report-pair">
        <ReportChart
          summary={`Funnel chart: ${summary}.`}
          steps={['added']}
          rows={funnelSteps.map((step) => ({ label: funnelStepLabels[step], values: { added: funnel[step] } }))}
        />
        <table className="report-table" aria-label="Funnel">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col" className="number">
                Customers
              </th>
              <th scope="col" className="number">
                From previous step
              </th>
              <th scope="col" className="number">
                Of added
              </th>
            </tr>
          </thead>
          <tbody>
            {funnelSteps.map((step) => (
              <tr key={step}>
                <th scope="row">{funnelStepLabels[step]}</th>
                <td className="number">{funnel[step]}</td>
                <td className="number">{step === 'added' ? '' : formatPercent(stepConversion(funnel, step))}</td>
                <td className="number">{funnel.added === 0 ? '–' : formatPercent(funnel[step] / funnel.added)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="report-figures" aria-label="Time from link sent to authorized">
        <div>
          <dt>Median time from link sent to authorized</dt>
          <dd data-testid="median-time">{formatDuration(timeToAuthorize.medianSeconds)}</dd>
        </div>
        <div>
          <dt>90th percentile</dt>
          <dd data-testid="p90-time">{formatDuration(timeToAuthorize.p90Seconds)}</dd>
        </div>
        <div>
          <dt>Customers measured</dt>
          <dd>{timeToAuthorize.count}</dd>
        </div>
      </dl>
    </section>
  );
}
