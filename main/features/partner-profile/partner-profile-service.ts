// Who AuthDesk acts for: read and save the partner profile (Settings). Saving tells whoever depends on it
// (the sandbox simulator plays the same partner) through onSaved.
import type { PartnerProfile } from '../../../shared/domain/partner-profile';
import { getPartnerProfile, savePartnerProfile } from './partner-profile-repository';
import type { ServiceContext } from '../../platform/service-context';

export interface PartnerProfileService {
  get(): PartnerProfile | null;
  save(profile: PartnerProfile): PartnerProfile;
}

// The profile as saved, for the features that act in its name (null until it is set up).
export function readPartnerProfile(context: Pick<ServiceContext, 'db'>): PartnerProfile | null {
  return getPartnerProfile(context.db);
}

export function createPartnerProfileService(
  context: ServiceContext,
  onSaved: (profile: PartnerProfile) => void = () => undefined,
): PartnerProfileService {
  return {
    get: () => getPartnerProfile(context.db),
    save: (profile) => {
      const saved = savePartnerProfile(context.db, profile, context.now());
      onSaved(saved);
      return saved;
    },
  };
}
