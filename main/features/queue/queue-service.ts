// The queue workspace in main: windows of the filtered, sorted queue, "select all matching", saved views,
// a customer's owner/follow-up/notes, and the bulk actions (archive, change owner, set follow-up, copy links),
// each reporting its progress through the operationProgress push event and a result per customer.
import type { CustomerTracking, BulkItemResult, TrackingChange } from '../../../shared/domain/customer-tracking';
import type {
  QueueFacets,
  QueueFilter,
  QueueSort,
  QueueViewQuery,
  QueueWindow,
  SavedView,
} from '../../../shared/domain/queue-query';
import { AppError } from '../../../shared/ipc/ipc-error';
import { queueCondition, queueFacets, queueIds, queueWindow, type QueueContext } from './queue-repository';
import {
  deleteSavedView,
  findSavedViewByName,
  getSavedView,
  insertSavedView,
  listSavedViews,
  updateSavedViewQuery,
} from './saved-views-repository';
import { getTracking, setTracking } from './tracking-repository';
import type { AuthorizationLinkService } from '../links/authorization-link-service';
import { appendCustomerEvent, findCustomer, requireCustomer, requireEditable } from '../customers/customer-records';
import type { CustomerService } from '../customers/customer-service';
import type { ServiceContext } from '../../platform/service-context';
import type { SqlCondition } from '../../platform/db/sql-condition';
import { captureEnabled } from '../../platform/db/change-capture';

export interface CustomerLink {
  customerId: string;
  companyName: string;
  contactEmail: string;
  link: string | null;
}

export interface QueueService {
  window(request: { filter: QueueFilter; sort: QueueSort; offset: number; limit: number }): QueueWindow;
  // range: only those rows' ids (a shift-click range).
  ids(filter: QueueFilter, sort: QueueSort, range?: { offset: number; limit: number }): string[];
  // The customers a filter matches as a condition on customers aliased c, for SQL that must not list them.
  condition(filter: QueueFilter): SqlCondition;
  facets(): QueueFacets;
  savedViews(): SavedView[];
  // shared: for the team (only while this desktop is in one).
  saveView(name: string, query: QueueViewQuery, shared?: boolean): SavedView;
  deleteView(id: number): void;
  tracking(customerId: string): CustomerTracking;
  updateTracking(customerId: string, tracking: CustomerTracking): CustomerTracking;
  changeTracking(customerIds: string[], change: TrackingChange, operationId: string): BulkItemResult[];
  archive(customerIds: string[], operationId: string): BulkItemResult[];
  links(customerIds: string[]): CustomerLink[];
  recordLinksCopied(customerIds: string[], operationId: string): BulkItemResult[];
}

const describeChange = (change: TrackingChange): string =>
  [
    change.owner !== undefined ? `owner set to ${change.owner}` : null,
    change.nextFollowUp !== undefined
      ? change.nextFollowUp === null
        ? 'follow-up cleared'
        : `follow-up set for ${change.nextFollowUp}`
      : null,
  ]
    .filter((part) => part !== null)
    .join(', ');

export function createQueueService(
  context: ServiceContext,
  dependencies: { customers: CustomerService; links: AuthorizationLinkService },
): QueueService {
  const queueContext = (): QueueContext => ({ currentUser: context.actor, now: context.now() });

  // Runs one step per customer; a failure is that customer's result, never the end of the whole batch.
  function each(
    customerIds: string[],
    kind: string,
    operationId: string,
    step: (customerId: string) => { companyName: string; message: string },
  ): BulkItemResult[] {
    const results: BulkItemResult[] = [];
    let failed = 0;
    for (const customerId of customerIds) {
      try {
        results.push({ customerId, ok: true, ...step(customerId) });
      } catch (error) {
        failed++;
        results.push({
          customerId,
          companyName: findCustomer(context, customerId)?.companyName ?? customerId,
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        });
      }
      context.emit('operationProgress', { operationId, kind, done: results.length, total: customerIds.length, failed });
    }
    return results;
  }

  function writeTracking(customerId: string, next: CustomerTracking, summary: string): void {
    const at = context.now().toISOString();
    context.db.transaction(() => {
      setTracking(context.db, customerId, next, at);
      appendCustomerEvent(context, customerId, { type: 'updated', summary, data: { ...next } }, at);
    })();
    context.emit('customerChanged', { customerId });
  }

  return {
    window: (request) => queueWindow(context.db, request, queueContext()),
    ids: (filter, sort, range) => queueIds(context.db, filter, sort, queueContext(), range ?? null),
    condition: (filter) => queueCondition(filter, queueContext()),
    facets: () => queueFacets(context.db, context.actor),
    savedViews: () => listSavedViews(context.db),

    saveView(name, query, shared = false) {
      if (shared && !captureEnabled(context.db)) {
        throw new AppError('conflict', 'Join a team in Settings › Team to share a view with it.');
      }
      const existing = findSavedViewByName(context.db, name);
      if (existing?.builtIn)
        throw new AppError('conflict', `“${existing.name}” is a built-in view: pick another name.`);
      if (existing) {
        // Saving under an existing name replaces that view's query, as "Save" does in any app.
        updateSavedViewQuery(context.db, existing.id, query);
        return { ...existing, query };
      }
      return insertSavedView(context.db, name, query, context.now().toISOString(), shared ? context.actor : null);
    },

    deleteView(id) {
      const view = getSavedView(context.db, id);
      if (!view) throw new AppError('not-found', 'This view no longer exists.');
      if (view.builtIn) throw new AppError('conflict', `“${view.name}” is a built-in view and cannot be deleted.`);
      deleteSavedView(context.db, id, context.now().toISOString());
    },

    tracking(customerId) {
      requireCustomer(context, customerId);
      const tracking = getTracking(context.db, customerId);
      if (!tracking) throw new AppError('not-found', 'This customer does not exist (it may have been removed).');
      return tracking;
    },

    updateTracking(customerId, tracking) {
      requireEditable(requireCustomer(context, customerId));
      const previous = getTracking(context.db, customerId);
      if (previous && JSON.stringify(previous) === JSON.stringify(tracking)) return previous;
      const changed = previous
        ? (Object.keys(tracking) as (keyof CustomerTracking)[]).filter((key) => previous[key] !== tracking[key])
        : [];
      const words: Record<keyof CustomerTracking, string> = {
        owner: 'owner',
        nextFollowUp: 'follow-up date',
        notes: 'notes',
      };
      writeTracking(customerId, tracking, `Updated ${changed.map((key) => words[key]).join(', ')}`);
      return tracking;
    },

    changeTracking(customerIds, change, operationId) {
      const summary = describeChange(change);
      return each(customerIds, 'tracking', operationId, (customerId) => {
        const customer = requireCustomer(context, customerId);
        requireEditable(customer);
        const previous = getTracking(context.db, customerId);
        if (!previous) throw new AppError('not-found', 'This customer does not exist.');
        writeTracking(customerId, { ...previous, ...change }, summary.charAt(0).toUpperCase() + summary.slice(1));
        return { companyName: customer.companyName, message: summary };
      });
    },

    archive(customerIds, operationId) {
      return each(customerIds, 'archive', operationId, (customerId) => {
        const { customer } = dependencies.customers.archive(customerId);
        return { companyName: customer.companyName, message: 'Archived' };
      });
    },

    links(customerIds) {
      return customerIds.map((customerId) => {
        const customer = requireCustomer(context, customerId);
        return {
          customerId,
          companyName: customer.companyName,
          contactEmail: customer.contactEmail,
          link: customer.authorizationLink,
        };
      });
    },

    recordLinksCopied(customerIds, operationId) {
      return each(customerIds, 'copy-links', operationId, (customerId) => {
        const { customer } = dependencies.links.recordHandOff(customerId, 'copy-link');
        return { companyName: customer.companyName, message: 'Link copied' };
      });
    },
  };
}
