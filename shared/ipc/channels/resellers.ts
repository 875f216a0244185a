// The channels of the indirect resellers known from Partner Center: the stored list and a refresh from Microsoft.
import { z } from 'zod';
import { resellerSchema } from '../../domain/reseller';
import type { Channels } from '../channel';
import { noArguments } from '../ids';

export const resellersChannels = {
  listResellers: { request: noArguments, response: z.array(resellerSchema) },
  refreshResellers: { request: noArguments, response: z.array(resellerSchema) },
} as const satisfies Channels;
