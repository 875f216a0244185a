// The offline channels' handlers: thin calls into the offline services.
import type { offlineChannels } from '../../../shared/ipc/channels/offline';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { OfflineServices } from './offline-services';

export function createOfflineHandlers({
  offline,
}: {
  offline: Pick<OfflineServices, 'state' | 'outbox' | 'actions'>;
}): HandlersOf<typeof offlineChannels> {
  return {
    getConnectivity: async () => offline.state(),
    retryWaitingAction: async ({ id }) => offline.outbox.retry(id),
    cancelWaitingAction: async ({ id }) => offline.outbox.cancel(id),
    listCustomerWaitingActions: async ({ customerId }) => offline.outbox.waitingFor(customerId),
    requestVerification: async ({ customerId, defaultDomain }) =>
      offline.actions.verifyOrQueue(customerId, defaultDomain),
  };
}
