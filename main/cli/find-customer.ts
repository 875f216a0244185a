// Finds the customer a command names: by id, by the start of its id (at least 8 characters), or by its
// domain prefix (litware, or litware.onmicrosoft.com), so scripts and people can both name one.
import type { Customer } from '../../shared/domain/customer';
import { listCustomers } from '../features/customers/customers-repository';
import type { Services } from '../app/create-services';
import { UsageError } from './cli-command';

export function findCustomer(services: Services, reference: string): Customer {
  const wanted = reference.trim().toLowerCase();
  const all = listCustomers(services.db, { status: 'all' });
  const byId = all.find((customer) => customer.id.toLowerCase() === wanted);
  if (byId) return byId;
  const prefix = wanted.replace(/\.onmicrosoft\.com$/, '');
  const matches = all.filter(
    (customer) =>
      customer.domainPrefix.toLowerCase() === prefix ||
      customer.defaultDomain?.toLowerCase() === wanted ||
      (wanted.length >= 8 && customer.id.toLowerCase().startsWith(wanted)),
  );
  const open = matches.filter((customer) => customer.status !== 'archived');
  const chosen = open.length > 0 ? open : matches;
  if (chosen.length === 1 && chosen[0]) return chosen[0];
  if (chosen.length === 0) throw new UsageError(`No customer matches "${reference}": give its id or domain prefix.`);
  throw new UsageError(
    `"${reference}" matches ${chosen.length} customers (${chosen.map((customer) => customer.id).join(', ')}): give the id.`,
  );
}
