// `authdesk customers list [--status S] [--search TEXT]`: the queue as a table, or JSON for scripts.
import { customerStatusLabels, customerStatuses } from '../../../shared/domain/customer-status';
import { onMicrosoftDomain } from '../../../shared/domain/validation';
import { callHandler } from '../call-handler';
import { UsageError, exitCodes, stringValue, type CliCommand } from '../cli-command';
import { formatTable } from '../format-table';

const statusFilters = [...customerStatuses, 'all', 'open'] as const;
type StatusFilter = (typeof statusFilters)[number];

function isStatusFilter(value: string): value is StatusFilter {
  return (statusFilters as readonly string[]).includes(value);
}

export const customersListCommand: CliCommand = {
  words: ['customers', 'list'],
  usage: '[--status open|all|draft|link-ready|sent|authorized|needs-attention|checked-out|archived] [--search TEXT]',
  summary: 'List customers (the open queue by default)',
  options: { status: { type: 'string' }, search: { type: 'string' } },
  async run(context, values) {
    const status = stringValue(values, 'status') ?? 'open';
    if (!isStatusFilter(status))
      throw new UsageError(`Unknown status "${status}": use one of ${statusFilters.join(', ')}.`);
    const search = stringValue(values, 'search');
    const customers = await callHandler(context.handlers, 'listCustomers', {
      status,
      ...(search !== undefined ? { search } : {}),
    });
    if (context.json) {
      context.out(JSON.stringify(customers, null, 2));
      return exitCodes.ok;
    }
    if (customers.length === 0) {
      context.out('No customers.');
      return exitCodes.ok;
    }
    context.out(
      formatTable(
        ['ID', 'Company', 'Domain', 'Kind', 'Status', 'Updated'],
        customers.map((customer) => [
          customer.id,
          customer.companyName,
          customer.defaultDomain ?? onMicrosoftDomain(customer.domainPrefix),
          customer.kind,
          customerStatusLabels[customer.status],
          customer.updatedAt.slice(0, 16).replace('T', ' '),
        ]),
      ),
    );
    return exitCodes.ok;
  },
};
