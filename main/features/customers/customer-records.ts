// The few steps every customer service repeats: load a customer or say it does not exist, refuse changes to
// finished records, and write a change together with its history event in one transaction, then notify.
import type { Customer } from '../../../shared/domain/customer';
import type { CustomerEventType } from '../../../shared/domain/customer-event';
import { isReadOnly } from '../../../shared/domain/customer-status';
import type { PartnerProfile } from '../../../shared/domain/partner-profile';
import type { CustomerDetail } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/ipc-error';
import { getCustomer, updateCustomer } from './customers-repository';
import { appendEvent, listEventsForCustomer } from './events-repository';
import { getPartnerProfile } from '../partner-profile/partner-profile-repository';
import type { ServiceContext } from '../../platform/service-context';

export interface EventToRecord {
  type: CustomerEventType;
  summary: string;
  data?: Record<string, unknown>;
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
  const profile = getPartnerProfile(context.db);
  if (!profile) throw new AppError('not-configured', 'Set up your partner profile in Settings first.');
  return profile;
}

export function customerDetail(context: ServiceContext, customerId: string): CustomerDetail {
  return { customer: requireCustomer(context, customerId), events: listEventsForCustomer(context.db, customerId) };
}

// The change and its event land together or not at all: the history never claims a step that did not happen.
export function recordChange(
  context: ServiceContext,
  changed: Customer | null,
  customerId: string,
  event: EventToRecord,
): CustomerDetail {
  const at = context.now().toISOString();
  context.db.transaction(() => {
    if (changed) updateCustomer(context.db, { ...changed, updatedAt: at });
    appendEvent(context.db, {
      customerId,
      type: event.type,
      at,
      actor: context.actor,
      summary: event.summary,
      data: event.data,
    });
  })();
  context.emit('customerChanged', { customerId });
  return customerDetail(context, customerId);
}
