// The conversion report as plain-text tables for the command line's `report`: the same figures as the Reports
// view, from the same SQL.
import {
  formatDuration,
  formatPercent,
  funnelStepLabels,
  funnelSteps,
  stepConversion,
  type BreakdownRow,
  type ConversionReport,
} from '../../shared/domain/conversion-report';
import { formatTable } from './format-table';

function breakdownTable(keyLabel: string, rows: BreakdownRow[]): string {
  return formatTable(
    [keyLabel, ...funnelSteps.map((step) => funnelStepLabels[step]), 'Sent → authorized'],
    rows.map((row) => [
      row.label,
      ...funnelSteps.map((step) => String(row[step])),
      formatPercent(row.sent === 0 ? null : row.authorized / row.sent),
    ]),
  );
}

export function conversionReportText(report: ConversionReport): string {
  const { filter, funnel, timeToAuthorize } = report;
  const range = `${filter.from ?? 'the beginning'} to ${filter.to ?? 'today'}`;
  const whose = filter.scope === 'me' ? `owned by ${filter.owner ?? 'you'}` : 'of the whole team';
  return [
    `Customers ${whose}, created from ${range} (UTC days)`,
    '',
    formatTable(
      ['Step', 'Customers', 'From previous step', 'Of added'],
      funnelSteps.map((step) => [
        funnelStepLabels[step],
        String(funnel[step]),
        step === 'added' ? '' : formatPercent(stepConversion(funnel, step)),
        funnel.added === 0 ? '–' : formatPercent(funnel[step] / funnel.added),
      ]),
    ),
    '',
    `Link sent to authorized: median ${formatDuration(timeToAuthorize.medianSeconds)}, 90th percentile ${formatDuration(timeToAuthorize.p90Seconds)} (${timeToAuthorize.count} customers)`,
    '',
    breakdownTable('Owner', report.byOwner),
    '',
    breakdownTable('Reseller', report.byReseller),
    '',
    breakdownTable('Week', report.byWeek),
    '',
    `Stalled: sent ${filter.stalledDays} or more days ago, not authorized (${report.stalledTotal})`,
    formatTable(
      ['Customer', 'Owner', 'Status', 'Link sent', 'Days waiting'],
      report.stalled.map((row) => [
        row.companyName,
        row.owner,
        row.status,
        row.sentAt.slice(0, 10),
        String(row.daysSinceSent),
      ]),
    ),
  ].join('\n');
}
