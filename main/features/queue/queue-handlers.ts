// The queue workspace's channels' handlers: thin calls into the queue service.
import type { queueChannels } from '../../../shared/ipc/channels/queue';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { QueueService } from './queue-service';

export function createQueueHandlers({ queue }: { queue: QueueService }): HandlersOf<typeof queueChannels> {
  return {
    queryQueue: async (request) => queue.window(request),
    queryQueueIds: async ({ filter, sort, offset, limit }) => queue.ids(filter, sort, { offset, limit }),
    getQueueFacets: async () => queue.facets(),
    listSavedViews: async () => queue.savedViews(),
    saveView: async ({ name, query, shared }) => queue.saveView(name, query, shared),
    deleteSavedView: async ({ id }) => {
      queue.deleteView(id);
      return {};
    },
    getCustomerTracking: async ({ customerId }) => queue.tracking(customerId),
    updateCustomerTracking: async ({ customerId, tracking }) => queue.updateTracking(customerId, tracking),
    changeCustomersTracking: ({ selection, operationId, change }) =>
      queue.changeTracking(selection, change, operationId),
    archiveCustomers: ({ selection, operationId }) => queue.archive(selection, operationId),
    prepareLinksCopy: async ({ selection, operationId }) => queue.prepareLinksCopy(selection, operationId),
    recordLinksCopied: ({ operationId }) => queue.recordLinksCopied(operationId),
  };
}
