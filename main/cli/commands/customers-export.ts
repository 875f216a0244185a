// `authdesk customers export [--history]`: the customers (or their history) as CSV, all of them or those with
// one status, on standard output or into a file; the same CSV as the window's export, streamed from SQLite a
// chunk at a time by the same service, so a history of millions of events never sits in memory.
import { randomUUID } from 'node:crypto';
import { defaultQueueFilter, queueStatusFilters, type QueueStatusFilter } from '../../../shared/domain/queue-query';
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
    const kind = values.history === true ? 'history' : 'customers';
    const exports = context.services.reports.csvFile;
    const out = stringValue(values, 'out');
    if (out === undefined) {
      await exports.toStream(kind, filter, randomUUID(), context.write);
    } else {
      const { rows } = await exports.toPath(kind, filter, randomUUID(), out);
      context.err(`${rows} rows written to ${out}.`);
    }
    return exitCodes.ok;
  },
};
