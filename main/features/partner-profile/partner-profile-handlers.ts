// The partner-profile channels' handlers: thin calls into the partner profile service.
import type { partnerProfileChannels } from '../../../shared/ipc/channels/partner-profile';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { PartnerProfileService } from './partner-profile-service';

export function createPartnerProfileHandlers({
  partnerProfile,
}: {
  partnerProfile: PartnerProfileService;
}): HandlersOf<typeof partnerProfileChannels> {
  return {
    getPartnerProfile: async () => ({ profile: partnerProfile.get() }),
    savePartnerProfile: async (profile) => partnerProfile.save(profile),
  };
}
