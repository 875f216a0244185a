// Customers as the account manager types them in ("Service details"): create with the form's cross-field
// rules, update until the record is finished, archive. The authorization steps live in their own services.
import { randomUUID } from 'node:crypto';
import type { Customer, ServiceDetails } from '../../../shared/domain/customer';
import type { Reseller } from '../../../shared/domain/reseller';
import type { PartnerProfile } from '../../../shared/domain/partner-profile';
import { serviceDetailsErrors } from '../../../shared/domain/service-details-rules';
import type { CustomerDetail } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/ipc-error';
import { insertCustomer, listCustomers, updateCustomer, type CustomerListQuery } from './customers-repository';
import { appendEvent } from './events-repository';
import {
  customerDetail,
  recordChange,
  requireCustomer,
  requireEditable,
  requireProfile,
  type EventToRecord,
} from './customer-records';
import type { ResellerService } from '../resellers/reseller-service';
import type { ServiceContext } from '../../platform/service-context';

export interface CustomerService {
  list(query: CustomerListQuery): Customer[];
  get(customerId: string): CustomerDetail;
  create(details: ServiceDetails): Promise<CustomerDetail>;
  update(customerId: string, details: ServiceDetails): Promise<CustomerDetail>;
  archive(customerId: string): CustomerDetail;
  // Bulk import: the very checks of create/update without saving (resolveReseller lets a batch resolve each
  // MPN ID once), then one transaction for the whole batch. Push events are left to the caller.
  checkDetails(details: ServiceDetails, resolveReseller?: ResolveReseller): Promise<CheckedCustomerFields>;
  saveChecked(batch: {
    create: CheckedCustomerFields[];
    update: { customerId: string; fields: CheckedCustomerFields }[];
  }): { created: string[]; updated: string[] };
}

export type ResolveReseller = (mpnId: string) => Promise<Reseller>;
export type CheckedCustomerFields = Pick<
  Customer,
  | 'kind'
  | 'companyName'
  | 'contactName'
  | 'contactEmail'
  | 'domainPrefix'
  | 'resellerMpnId'
  | 'resellerName'
  | 'includeDelegatedAdmin'
  | 'billingAddress'
>;

// Fields baked into the authorization link: changing one makes an issued link ask for the wrong thing.
const linkFields = ['kind', 'resellerMpnId', 'includeDelegatedAdmin'] as const;

export function createCustomerService(context: ServiceContext, resellers: ResellerService): CustomerService {
  // The shared rules first (same words as the form), then the reseller, which needs Partner Center.
  async function checkedDetails(
    details: ServiceDetails,
    profile: PartnerProfile,
    resolveReseller: ResolveReseller = resellers.resolve,
  ): Promise<CheckedCustomerFields> {
    const fieldErrors = serviceDetailsErrors(details, profile);
    if (Object.keys(fieldErrors).length > 0) {
      throw new AppError('invalid-request', Object.values(fieldErrors).join(' '), fieldErrors);
    }
    const mpnId = details.kind === 'indirect' ? details.resellerMpnId.trim() : '';
    const reseller = mpnId === '' ? null : await resolveReseller(mpnId);
    return {
      kind: details.kind,
      companyName: details.companyName,
      contactName: details.contactName,
      contactEmail: details.contactEmail,
      domainPrefix: details.domainPrefix,
      resellerMpnId: reseller?.mpnId ?? null,
      resellerName: reseller?.name ?? null,
      includeDelegatedAdmin: details.includeDelegatedAdmin,
      // A direct customer is billed by the partner itself: no sub-customer billing address is kept for it.
      billingAddress: details.kind === 'indirect' ? details.billingAddress : null,
    } satisfies Partial<Customer>;
  }

  // A new draft customer and its "created" event; the caller holds the transaction.
  function insertNew(fields: CheckedCustomerFields, at: string): Customer {
    const customer: Customer = {
      id: randomUUID(),
      ...fields,
      defaultDomain: null,
      status: 'draft',
      authorizationLink: null,
      lastVerification: null,
      orderReference: null,
      createdAt: at,
      updatedAt: at,
    };
    insertCustomer(context.db, customer, context.actor);
    appendEvent(context.db, {
      customerId: customer.id,
      type: 'created',
      at,
      actor: context.actor,
      summary: `Customer created (${customer.kind === 'indirect' ? 'indirect' : 'direct'})`,
      data: { kind: customer.kind, resellerMpnId: customer.resellerMpnId },
    });
    return customer;
  }

  // The change the new details make to an existing customer, or null when nothing changes.
  function plannedUpdate(
    existing: Customer,
    fields: CheckedCustomerFields,
  ): { customer: Customer; event: EventToRecord } | null {
    const updated: Customer = { ...existing, ...fields };
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
      (key) => JSON.stringify(existing[key]) !== JSON.stringify(updated[key]),
    );
    if (changed.length === 0) return null;
    const linkChanged = changed.some((key) => (linkFields as readonly string[]).includes(key));
    // A link that no longer matches the details is withdrawn, and with it what was verified against it.
    const withdrawn: Partial<Customer> =
      linkChanged && existing.authorizationLink !== null
        ? { authorizationLink: null, status: 'draft', lastVerification: null }
        : {};
    return {
      customer: { ...updated, ...withdrawn },
      event: {
        type: 'updated',
        summary:
          'authorizationLink' in withdrawn
            ? 'Service details updated; the authorization link must be generated again'
            : 'Service details updated',
        data: { changed },
      },
    };
  }

  return {
    list: (query) => listCustomers(context.db, query),
    get: (customerId) => customerDetail(context, customerId),

    async create(details) {
      const profile = requireProfile(context);
      const fields = await checkedDetails(details, profile);
      const at = context.now().toISOString();
      const customer = context.db.transaction(() => insertNew(fields, at))();
      context.emit('customerChanged', { customerId: customer.id });
      return customerDetail(context, customer.id);
    },

    async update(customerId, details) {
      const existing = requireCustomer(context, customerId);
      requireEditable(existing);
      const profile = requireProfile(context);
      const fields = await checkedDetails(details, profile);
      const planned = plannedUpdate(existing, fields);
      if (planned === null) return customerDetail(context, customerId);
      return recordChange(context, planned.customer, customerId, planned.event);
    },

    archive(customerId) {
      const existing = requireCustomer(context, customerId);
      requireEditable(existing);
      return recordChange(context, { ...existing, status: 'archived' }, customerId, {
        type: 'archived',
        summary: 'Archived',
        data: { previousStatus: existing.status },
      });
    },

    checkDetails: async (details, resolveReseller) =>
      checkedDetails(details, requireProfile(context), resolveReseller ?? resellers.resolve),

    saveChecked(batch) {
      const at = context.now().toISOString();
      return context.db.transaction(() => {
        const created = batch.create.map((fields) => insertNew(fields, at).id);
        const updated: string[] = [];
        for (const { customerId, fields } of batch.update) {
          const existing = requireCustomer(context, customerId);
          requireEditable(existing);
          const planned = plannedUpdate(existing, fields);
          if (planned === null) continue;
          updateCustomer(context.db, { ...planned.customer, updatedAt: at });
          appendEvent(context.db, { customerId, at, actor: context.actor, ...planned.event });
          updated.push(customerId);
        }
        return { created, updated };
      })();
    },
  };
}
