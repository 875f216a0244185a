// The channel of the app's own facts (version, mode, data folder, keychain), shown in Settings and Help.
import { z } from 'zod';
import type { Channels } from '../channel';
import { noArguments } from '../ids';

const appInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['sandbox', 'production']),
  dataDir: z.string(),
  partnerCenterUrl: z.string(),
  // The sandbox's simulator while one runs (none while signed in to Partner Center).
  sandboxSimulatorUrl: z.string().nullable(),
  keychain: z.object({ available: z.boolean(), message: z.string().nullable() }),
  // Set when the database was damaged at start and replaced by a fresh one: what happened, in words.
  databaseRecovery: z.string().nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appInfoChannels = {
  getAppInfo: { request: noArguments, response: appInfoSchema },
} as const satisfies Channels;
