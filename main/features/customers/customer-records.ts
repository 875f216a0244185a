// The customers feature's face to the other features: load a customer or say it does not exist, refuse changes
// to finished records, and write a change together with its history event in one transaction, then notify.
// Other features read and write customers and their history through here, never through the repositories.
import type { Customer } from '../../../shared/domain/customer';
import type { CustomerEventType } from '../../../shared/domain/customer-event';
import { isReadOnly, type CustomerStatus } from '../../../shared/domain/customer-status';
import type { PartnerProfile } from '../../../shared/domain/partner-profile';
import type { CustomerDetail } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/ipc-error';
import { getCustomer, listCustomers, updateCustomer } from './customers-repository';
import { appendEvent, lastEventIdForCustomer, listEventsForCustomer } from './events-repository';
import { readPartnerProfile } from '../partner-profile/partner-profile-service';
import type { ServiceContext } from '../../platform/service-context';

export interface EventToRecord {
  type: CustomerEventType;
  summary: string;
  data?: Record<string, unknown>;
}

export function findCustomer(context: ServiceContext, customerId: string): Customer | null {
  return getCustomer(context.db, customerId);
}

export function customersWithStatus(context: ServiceContext, status: CustomerStatus): Customer[] {
  return listCustomers(context.db, { status });
}

// The id of the customer's newest history event (0 for none): what "the same request" means for idempotency.
export function lastEventId(context: ServiceContext, customerId: string): number {
  return lastEventIdForCustomer(context.db, customerId);
}

// Appends one event; call it inside the transaction of the change it records (nested transactions are savepoints).
export function appendCustomerEvent(
  context: ServiceContext,
  customerId: string,
  event: EventToRecord,
  at: string,
): void {
  appendEvent(context.db, {
    customerId,
    type: event.type,
    at,
    actor: context.actor,
    summary: event.summary,
    data: event.data,
  });
}

export function requireCustomer(context: ServiceContext, customerId: string): Customer {
  const customer = getCustomer(context.db, customerId);
  if (!customer) throw new AppError('not-found', 'This customer does not exist (it may have been removed).');
  return customer;
}

export function requireEditable(customer: Customer): void {
  if (customer.status === 'checked-out') {
    throw new AppError(
      'conflict',
      `${customer.companyName} is checked out: its record is kept as history and no longer changes.`,
    );
  }
  if (isReadOnly(customer.status)) {
    throw new AppError(
      'conflict',
      `${customer.companyName} is archived: its record is kept as history and no longer changes.`,
    );
  }
}

export function requireProfile(context: ServiceContext): PartnerProfile {
  const profile = readPartnerProfile(context);
  if (!profile) throw new AppError('not-configured', 'Set up your partner profile in Settings first.');
  return profile;
}

export function customerDetail(context: ServiceContext, customerId: string): CustomerDetail {
  const customer = requireCustomer(context, customerId);
  return { customer, events: listEventsForCustomer(context.db, customer.id) };
}

// The change and its event land together or not at all: the history never claims a step that did not happen.
export function recordChange(
  context: ServiceContext,
  changed: Customer | null,
  customerId: string,
  event: EventToRecord,
): CustomerDetail {
  const at = context.now().toISOString();
  // The record's own id: the one asked for may be an alias of a customer the team merged.
  const id = changed?.id ?? requireCustomer(context, customerId).id;
  context.db.transaction(() => {
    if (changed) updateCustomer(context.db, { ...changed, updatedAt: at });
    appendCustomerEvent(context, id, event, at);
  })();
  context.emit('customerChanged', { customerId: id });
  return customerDetail(context, id);
}
