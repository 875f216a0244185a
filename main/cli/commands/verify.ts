// `authdesk verify <customer> [--domain DOMAIN]` or `authdesk verify --all`: asks Partner Center whether the
// customer (or every customer in Sent / Needs attention) accepted, check by check, and records the result.
// Exit code 1 when a verification could not run (offline, Microsoft trouble); "not accepted yet" is a result.
import { summarizeVerification } from '../../../shared/domain/verification';
import { customerStatusLabels } from '../../../shared/domain/customer-status';
import { verificationDomain } from '../../features/verification/bulk-verification-service';
import { callHandler } from '../call-handler';
import { UsageError, exitCodes, stringValue, type CliCommand } from '../cli-command';
import { findCustomer } from '../find-customer';
import { formatTable } from '../format-table';

export const verifyCommand: CliCommand = {
  words: ['verify'],
  usage: '<customer id or domain prefix> [--domain DEFAULT-DOMAIN] | --all',
  summary: 'Verify that customers accepted the invitation',
  positionals: { min: 0, max: 1 },
  options: { all: { type: 'boolean' }, domain: { type: 'string' } },
  async run(context, values, [reference]) {
    if (values.all === true) {
      if (reference !== undefined) throw new UsageError('Give a customer or --all, not both.');
      // The service itself, not the window's channel: the command prints every customer, not the first few.
      const { results } = await context.services.bulkVerification.verifyMany({ all: true });
      const failed = results.filter((result) => 'error' in result).length;
      if (context.json) {
        context.out(JSON.stringify({ results }, null, 2));
      } else if (results.length === 0) {
        context.out('No customer is waiting in Sent or Needs attention.');
      } else {
        const rows = results.map((result) => {
          const customer = context.services.customers.get(result.customerId).customer;
          return [
            customer.companyName,
            verificationDomain(customer),
            'outcome' in result ? result.outcome : `error: ${result.error.message}`,
            customerStatusLabels[customer.status],
          ];
        });
        context.out(formatTable(['Company', 'Domain', 'Outcome', 'Status'], rows));
        context.out(`${results.length} verified, ${failed} could not be verified.`);
      }
      return failed > 0 ? exitCodes.failure : exitCodes.ok;
    }
    if (reference === undefined) throw new UsageError('Name the customer to verify, or use --all.');
    const customer = findCustomer(context.services, reference);
    const defaultDomain = stringValue(values, 'domain') ?? verificationDomain(customer);
    const { detail, result } = await callHandler(context.handlers, 'verifyAuthorization', {
      customerId: customer.id,
      defaultDomain,
    });
    if (context.json) {
      context.out(JSON.stringify({ customerId: customer.id, status: detail.customer.status, result }, null, 2));
      return exitCodes.ok;
    }
    context.out(summarizeVerification(result));
    context.out(
      formatTable(
        ['Check', 'State', 'Message'],
        result.checks.map((check) => [check.label, check.state, check.message]),
      ),
    );
    context.out(`Status: ${customerStatusLabels[detail.customer.status]}`);
    return exitCodes.ok;
  },
};
