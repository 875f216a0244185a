// The channels of Help: diagnostics for support (redacted) and the logs folder.
import { z } from 'zod';
import type { Channels } from '../channel';
import { noArguments } from '../ids';

export const diagnosticsChannels = {
  getDiagnostics: { request: noArguments, response: z.object({ text: z.string(), logFile: z.string() }) },
  openLogsFolder: { request: noArguments, response: z.object({ opened: z.boolean() }) },
} as const satisfies Channels;
