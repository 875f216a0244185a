// The indirect provider's resellers: synced from Partner Center into SQLite, and resolved by MPN ID
// (locally first, then one refresh, so a reseller that joined today is found without a manual sync).
import type { PartnerProfile } from '../../../shared/domain/partner-profile';
import type { Reseller } from '../../../shared/domain/reseller';
import { AppError } from '../../../shared/ipc/ipc-error';
import { findResellerByMpnId, listResellers, replaceAllResellers } from './resellers-repository';
import type { PartnerCenterClient } from '../../microsoft/partner-center/partner-center-client';
import { callPartnerCenter } from '../../microsoft/partner-center/partner-center-failure';
import { requireProfile } from '../customers/customer-records';
import type { ServiceContext } from '../../platform/service-context';

export interface ResellerService {
  list(): Reseller[];
  refresh(): Promise<Reseller[]>;
  // The reseller with this MPN ID, or an invalid-request error naming the field.
  resolve(mpnId: string): Promise<Reseller>;
}

// The synced reseller's tenant ID for an MPN ID (null when it is not among the synced resellers).
export function resellerTenantId(context: Pick<ServiceContext, 'db'>, mpnId: string): string | null {
  return syncedReseller(context, mpnId)?.tenantId ?? null;
}

// The synced reseller with this MPN ID (null when it is not among the synced resellers).
export function syncedReseller(context: Pick<ServiceContext, 'db'>, mpnId: string): Reseller | null {
  return findResellerByMpnId(context.db, mpnId);
}

export function createResellerService(
  context: ServiceContext,
  partnerCenter: () => Promise<PartnerCenterClient>,
): ResellerService {
  const requireIndirectProvider = (): PartnerProfile => {
    const profile = requireProfile(context);
    if (profile.role !== 'indirect-provider') {
      throw new AppError(
        'conflict',
        'Only an indirect provider works with indirect resellers: change the partner role in Settings.',
      );
    }
    return profile;
  };

  const refresh = async (): Promise<Reseller[]> => {
    requireIndirectProvider();
    const relationships = await callPartnerCenter(async () => (await partnerCenter()).listIndirectResellers());
    const syncedAt = context.now().toISOString();
    // MPN IDs are unique in the table; Partner Center should never repeat one, but one bad row must not
    // block the whole sync, so the first occurrence wins.
    const byMpnId = new Map<string, Reseller>();
    for (const relationship of relationships) {
      const mpnId = relationship.mpnId.trim();
      if (mpnId === '' || byMpnId.has(mpnId)) continue;
      byMpnId.set(mpnId, {
        tenantId: relationship.id,
        name: relationship.name,
        mpnId,
        state: relationship.state ?? null,
        syncedAt,
      });
    }
    replaceAllResellers(context.db, [...byMpnId.values()], context.now());
    return listResellers(context.db);
  };

  // Asked only when the MPN ID is not among the provider's resellers, even after a refresh: Partner Center's
  // MPN profile tells a number nobody has (404, code 3000) from a real partner that is not our reseller.
  const unknownResellerMessage = async (mpnId: string, profile: PartnerProfile): Promise<string> => {
    let mpnProfile: Awaited<ReturnType<PartnerCenterClient['getMpnProfile']>> | undefined;
    try {
      mpnProfile = await (await partnerCenter()).getMpnProfile(mpnId);
    } catch {
      // Could not ask (offline, throttled): say what we know without guessing which case it is.
      mpnProfile = undefined;
    }
    if (mpnProfile === null) {
      return `No partner with MPN ID ${mpnId} exists in Partner Center. Check the number with the reseller, or leave it blank.`;
    }
    const lead = `No indirect reseller with MPN ID ${mpnId} works with ${profile.organizationName}.`;
    return mpnProfile
      ? `${lead} ${mpnId} belongs to ${mpnProfile.partnerName}, which must first become ${profile.organizationName}'s indirect reseller in Partner Center; or leave the MPN ID blank.`
      : `${lead} Check the number with the reseller, or leave it blank.`;
  };

  return {
    list: () => listResellers(context.db),
    refresh,
    resolve: async (mpnId) => {
      const profile = requireIndirectProvider();
      const known = findResellerByMpnId(context.db, mpnId);
      if (known) return known;
      await refresh();
      const refreshed = findResellerByMpnId(context.db, mpnId);
      if (refreshed) return refreshed;
      const message = await unknownResellerMessage(mpnId, profile);
      throw new AppError('invalid-request', message, { resellerMpnId: message });
    },
  };
}
