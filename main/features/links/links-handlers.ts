// The authorization-link channels' handlers: thin calls into the link service.
import type { linksChannels } from '../../../shared/ipc/channels/links';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { AuthorizationLinkService } from './authorization-link-service';

export function createLinksHandlers({ links }: { links: AuthorizationLinkService }): HandlersOf<typeof linksChannels> {
  return {
    requestAuthorizationLink: async ({ customerId }) => links.requestAuthorizationLink(customerId),
    getInstructions: async ({ customerId }) => links.getInstructions(customerId),
    recordHandOff: async ({ customerId, channel }) => links.recordHandOff(customerId, channel),
    openMailClient: async ({ customerId }) => links.openMailClient(customerId),
  };
}
