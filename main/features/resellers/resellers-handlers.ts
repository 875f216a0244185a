// The resellers channels' handlers: thin calls into the reseller service.
import type { resellersChannels } from '../../../shared/ipc/channels/resellers';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { ResellerService } from './reseller-service';

export function createResellersHandlers({
  resellers,
}: {
  resellers: ResellerService;
}): HandlersOf<typeof resellersChannels> {
  return {
    listResellers: async () => resellers.list(),
    refreshResellers: async () => resellers.refresh(),
  };
}
