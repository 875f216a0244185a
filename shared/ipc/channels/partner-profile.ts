// The channels of the partner's own profile (tenant, MPN ids, distributor or direct), read and saved in Settings.
import { z } from 'zod';
import { partnerProfileSchema } from '../../domain/partner-profile';
import type { Channels } from '../channel';
import { noArguments } from '../ids';

export const partnerProfileChannels = {
  getPartnerProfile: { request: noArguments, response: z.object({ profile: partnerProfileSchema.nullable() }) },
  savePartnerProfile: { request: partnerProfileSchema.strict(), response: partnerProfileSchema },
} as const satisfies Channels;
