// `authdesk customers export [--history]`: the customers (or their history) as CSV, all of them or those with
// one status, on stdout or into a file; the same CSV as the window's export.
import { writeFile } from 'node:fs/promises';
import { defaultQueueFilter, queueStatusFilters, type QueueStatusFilter } from '../../../shared/domain/queue-query';
import { callHandler } from '../call-handler';
import { UsageError, exitCodes, stringValue, type CliCommand } from '../cli-command';

export const customersExportCommand: CliCommand = {
  words: ['customers', 'export'],
  usage: `[--history] [--status ${queueStatusFilters.join('|')}] [--out FILE]`,
  summary: 'Export customers, or with --history their history, as CSV',
  options: { history: { type: 'boolean' }, status: { type: 'string' }, out: { type: 'string' } },
  async run(context, values) {
    const status = stringValue(values, 'status');
    if (status !== undefined && !(queueStatusFilters as readonly string[]).includes(status)) {
      throw new UsageError(`--status must be one of ${queueStatusFilters.join(', ')}.`);
    }
    const filter = status === undefined ? null : { ...defaultQueueFilter, status: status as QueueStatusFilter };
    const file = await callHandler(
      context.handlers,
      values.history === true ? 'exportHistoryCsv' : 'exportCustomersCsv',
      {
        filter,
      },
    );
    const out = stringValue(values, 'out');
    if (out === undefined) {
      context.out(file.csv);
    } else {
      await writeFile(out, `\uFEFF${file.csv}`);
      context.err(`${file.rows} rows written to ${out}.`);
    }
    return exitCodes.ok;
  },
};
