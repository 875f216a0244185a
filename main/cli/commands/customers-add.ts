// `authdesk customers add ...`: creates a customer from its service details (validated by the same rules as
// the window's form) and asks Partner Center for its authorization link, as the window does.
import type { ServiceDetails } from '../../../shared/domain/customer';
import { callHandler } from '../call-handler';
import { UsageError, exitCodes, requiredString, stringValue, type CliCommand } from '../cli-command';

export const customersAddCommand: CliCommand = {
  words: ['customers', 'add'],
  usage:
    '--kind direct|indirect --company NAME --contact NAME --email EMAIL --domain-prefix PREFIX [--reseller-mpn-id ID] [--no-delegated-admin] [--address-line1 .. --city .. --postal-code .. --country CC]',
  summary: 'Add a customer and get its authorization link',
  options: {
    kind: { type: 'string' },
    company: { type: 'string' },
    contact: { type: 'string' },
    email: { type: 'string' },
    'domain-prefix': { type: 'string' },
    'reseller-mpn-id': { type: 'string' },
    'no-delegated-admin': { type: 'boolean' },
    'address-line1': { type: 'string' },
    city: { type: 'string' },
    'postal-code': { type: 'string' },
    country: { type: 'string' },
  },
  async run(context, values) {
    const kind = requiredString(values, 'kind');
    if (kind !== 'direct' && kind !== 'indirect') throw new UsageError('--kind must be direct or indirect.');
    const addressParts = ['address-line1', 'city', 'postal-code', 'country'].map((name) => stringValue(values, name));
    const billingAddress = addressParts.some((part) => part !== undefined)
      ? {
          addressLine1: addressParts[0] ?? '',
          city: addressParts[1] ?? '',
          postalCode: addressParts[2] ?? '',
          country: addressParts[3] ?? '',
        }
      : null;
    const details: ServiceDetails = {
      kind,
      companyName: requiredString(values, 'company'),
      contactName: requiredString(values, 'contact'),
      contactEmail: requiredString(values, 'email'),
      domainPrefix: requiredString(values, 'domain-prefix'),
      // The command line is for customers who already have a Microsoft 365 tenant, as the queue is.
      ownsExistingTenant: true,
      resellerMpnId: kind === 'indirect' ? (stringValue(values, 'reseller-mpn-id') ?? '') : '',
      includeDelegatedAdmin: values['no-delegated-admin'] !== true,
      billingAddress,
    };
    const { detail, linkError } = await callHandler(context.handlers, 'createCustomer', details);
    const customer = detail.customer;
    if (context.json) {
      context.out(JSON.stringify({ customer, linkError }, null, 2));
    } else {
      context.out(`Added ${customer.companyName} (${customer.id}), status ${customer.status}.`);
      if (customer.authorizationLink) context.out(`Authorization link: ${customer.authorizationLink}`);
      if (linkError) context.err(`No link yet: ${linkError}`);
    }
    return exitCodes.ok;
  },
};
