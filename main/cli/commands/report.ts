// `authdesk report`: how many customers stand at each status (conversion at a glance).
import { customerStatusLabels, customerStatuses } from '../../../shared/domain/customer-status';
import { callHandler } from '../call-handler';
import { exitCodes, stringValue, type CliCommand } from '../cli-command';
import { conversionReportText } from '../report-text';
import { formatTable } from '../format-table';

export const reportCommand: CliCommand = {
  words: ['report'],
  usage: '[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--stalled-days N] [--scope team|me]',
  summary:
    'Count customers by status, and the conversion report (funnel, time to authorize, breakdowns, stalled) for the team or only your own customers',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    'stalled-days': { type: 'string' },
    scope: { type: 'string' },
  },
  async run(context, values) {
    // The Reports view's figures, from the same SQL (main/features/reports); the handler refuses a bad scope.
    const conversion = await callHandler(context.handlers, 'getConversionReport', {
      from: stringValue(values, 'from') ?? null,
      to: stringValue(values, 'to') ?? null,
      stalledDays: Number(stringValue(values, 'stalled-days') ?? 7),
      scope: (stringValue(values, 'scope') ?? 'team') as 'team' | 'me',
    });
    const customers = await callHandler(context.handlers, 'listCustomers', { status: 'all' });
    const counts = Object.fromEntries(customerStatuses.map((status) => [status, 0])) as Record<
      (typeof customerStatuses)[number],
      number
    >;
    for (const customer of customers) counts[customer.status] += 1;
    if (context.json) {
      context.out(JSON.stringify({ total: customers.length, byStatus: counts, conversion }, null, 2));
      return exitCodes.ok;
    }
    context.out(
      formatTable(
        ['Status', 'Customers'],
        [
          ...customerStatuses.map((status) => [customerStatusLabels[status], String(counts[status])]),
          ['Total', String(customers.length)],
        ],
      ),
    );
    context.out(`\n${conversionReportText(conversion)}`);
    return exitCodes.ok;
  },
};
