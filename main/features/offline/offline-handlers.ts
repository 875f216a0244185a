// The offline channels' handlers (spread into main/app/handlers.ts): thin calls into the offline services.
import type { offlineContract } from '../../../shared/ipc/offline-contract';
import type { Handlers } from '../../app/handlers';
import type { Services } from '../../app/create-services';

type OfflineMethod = keyof ReturnType<typeof offlineContract>;

export function createOfflineHandlers(services: Services): Pick<Handlers, OfflineMethod> {
  const { offline } = services;
  return {
    getConnectivity: async () => offline.state(),
    retryWaitingAction: async ({ id }) => offline.outbox.retry(id),
    cancelWaitingAction: async ({ id }) => offline.outbox.cancel(id),
    requestVerification: async ({ customerId, defaultDomain }) =>
      offline.actions.verifyOrQueue(customerId, defaultDomain),
  };
}
