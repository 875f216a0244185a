// The queue workspace in main: windows of the filtered, sorted queue, "select all matching", saved views,
// a customer's owner/follow-up/notes, and the bulk actions (archive, change owner, set follow-up, copy links)
// on a selection main resolves, each reporting its progress through the operationProgress push event and
// answering with its counts and the first customers it could not do.
import type { CustomerTracking, TrackingChange } from '../../../shared/domain/customer-tracking';
import { bulkNotDoneShownLimit, type BulkNotDone, type BulkSummary } from '../../../shared/domain/bulk-summary';
import type { CustomerSelection } from '../../../shared/domain/customer-selection';
import type {
  QueueFacets,
  QueueFilter,
  QueueSort,
  QueueViewQuery,
  QueueWindow,
  SavedView,
} from '../../../shared/domain/queue-query';
import { AppError } from '../../../shared/ipc/ipc-error';
import {
  companyNames,
  queueCondition,
  queueFacets,
  queueIds,
  queueWindow,
  selectedIds,
  selectedLinks,
  type QueueContext,
} from './queue-repository';
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
import { selectionCondition } from './selection-condition';

export interface LinksCopy {
  // One line per customer with a link: company, email and link, tab-separated.
  text: string;
  withLink: number;
  withoutLinkCount: number;
  withoutLink: BulkNotDone[];
}

export interface QueueService {
  window(request: { filter: QueueFilter; sort: QueueSort; offset: number; limit: number }): QueueWindow;
  // range: only those rows' ids (a shift-click range).
  ids(filter: QueueFilter, sort: QueueSort, range?: { offset: number; limit: number }): string[];
  // The customers a filter or a selection names as a condition on customers aliased c, for SQL that must
  // not list them.
  condition(filter: QueueFilter): SqlCondition;
  selectionCondition(selection: CustomerSelection): SqlCondition;
  // The ids a selection names, in the order the customers were added.
  selectionIds(selection: CustomerSelection): string[];
  // Company names by id, for the customers a bulk result lists.
  companyNames(customerIds: string[]): Map<string, string>;
  facets(): QueueFacets;
  savedViews(): SavedView[];
  // shared: for the team (only while this desktop is in one).
  saveView(name: string, query: QueueViewQuery, shared?: boolean): SavedView;
  deleteView(id: number): void;
  tracking(customerId: string): CustomerTracking;
  updateTracking(customerId: string, tracking: CustomerTracking): CustomerTracking;
  changeTracking(selection: CustomerSelection, change: TrackingChange, operationId: string): Promise<BulkSummary>;
  archive(selection: CustomerSelection, operationId: string): Promise<BulkSummary>;
  // The clipboard text for the selection's links, its customers kept under operationId for recordLinksCopied.
  prepareLinksCopy(selection: CustomerSelection, operationId: string): LinksCopy;
  recordLinksCopied(operationId: string): Promise<BulkSummary>;
}

// Customers done between two turns of main's event loop, so other calls (the queue's windows) are answered
// while a bulk action works through a hundred thousand customers.
const bulkSliceSize = 250;
// Progress events per operation at most (one per customer would be a hundred thousand messages).
const progressSteps = 200;
// Links prepared for copying and not recorded yet (a copy abandoned before the clipboard took it is dropped).
const pendingCopiesKept = 10;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

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
  async function each(
    customerIds: string[],
    kind: string,
    operationId: string,
    step: (customerId: string) => void,
  ): Promise<BulkSummary> {
    const total = customerIds.length;
    const notDone: BulkNotDone[] = [];
    let failed = 0;
    const every = Math.max(1, Math.ceil(total / progressSteps));
    context.emit('operationProgress', { operationId, kind, done: 0, total, failed });
    for (const [index, customerId] of customerIds.entries()) {
      if (index > 0 && index % bulkSliceSize === 0) await nextTurn();
      try {
        step(customerId);
      } catch (error) {
        failed++;
        if (notDone.length < bulkNotDoneShownLimit) {
          notDone.push({
            customerId,
            companyName: findCustomer(context, customerId)?.companyName ?? customerId,
            message: error instanceof Error ? error.message : String(error),
          });
        }
      }
      const done = index + 1;
      if (done % every === 0 || done === total) {
        context.emit('operationProgress', { operationId, kind, done, total, failed });
      }
    }
    return { total, notDoneCount: failed, notDone };
  }

  const pendingCopies = new Map<string, string[]>();
  const conditionOf = (selection: CustomerSelection) =>
    selectionCondition(selection, (filter) => queueCondition(filter, queueContext()));
  // Ticked ids stay as given (one removed since is reported as such); a filter is resolved in SQL.
  const idsOf = (selection: CustomerSelection) =>
    selection.kind === 'customers'
      ? [...new Set(selection.customerIds)]
      : selectedIds(context.db, conditionOf(selection));

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
    selectionCondition: conditionOf,
    selectionIds: idsOf,
    companyNames: (customerIds) => companyNames(context.db, customerIds),
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

    changeTracking(selection, change, operationId) {
      const summary = describeChange(change);
      return each(idsOf(selection), 'tracking', operationId, (customerId) => {
        const customer = requireCustomer(context, customerId);
        requireEditable(customer);
        const previous = getTracking(context.db, customerId);
        if (!previous) throw new AppError('not-found', 'This customer does not exist.');
        writeTracking(customerId, { ...previous, ...change }, summary.charAt(0).toUpperCase() + summary.slice(1));
      });
    },

    archive(selection, operationId) {
      return each(idsOf(selection), 'archive', operationId, (customerId) => {
        dependencies.customers.archive(customerId);
      });
    },

    prepareLinksCopy(selection, operationId) {
      const rows = selectedLinks(context.db, conditionOf(selection));
      const copied: string[] = [];
      const lines: string[] = [];
      const withoutLink: BulkNotDone[] = [];
      let withoutLinkCount = 0;
      for (const row of rows) {
        if (row.authorization_link === null) {
          withoutLinkCount++;
          if (withoutLink.length < bulkNotDoneShownLimit) {
            withoutLink.push({ customerId: row.id, companyName: row.company_name, message: 'No link yet' });
          }
          continue;
        }
        copied.push(row.id);
        lines.push([row.company_name, row.contact_email, row.authorization_link].join('\t'));
      }
      pendingCopies.set(operationId, copied);
      for (const key of pendingCopies.keys()) {
        if (pendingCopies.size <= pendingCopiesKept) break;
        pendingCopies.delete(key);
      }
      return { text: lines.join('\n'), withLink: copied.length, withoutLinkCount, withoutLink };
    },

    recordLinksCopied(operationId) {
      const customerIds = pendingCopies.get(operationId);
      if (!customerIds) throw new AppError('not-found', 'These links were not prepared for copying: copy them again.');
      pendingCopies.delete(operationId);
      return each(customerIds, 'copy-links', operationId, (customerId) => {
        dependencies.links.recordHandOff(customerId, 'copy-link');
      });
    },
  };
}
