// Updates of the installed app: whether one is downloaded and waiting, and "Restart to update". The push
// event updateReady (contract.ts) says when one has finished downloading.
import { z } from 'zod';
import type { Channels } from '../channel';
import { noArguments } from '../ids';

export const updatesChannels = {
  getUpdateStatus: { request: noArguments, response: z.object({ readyVersion: z.string().nullable() }) },
  restartToUpdate: { request: noArguments, response: z.object({}).strict() },
} as const satisfies Channels;
