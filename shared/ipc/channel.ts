// What a channel of the IPC contract is: the schema its request must pass and the schema its answer must
// pass. Every feature's fragment (shared/ipc/channels/<feature>.ts) is a plain object of these.
import type { z } from 'zod';

export interface ChannelDefinition {
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

export type Channels = Readonly<Record<string, ChannelDefinition>>;

// The Electron channel name of a method; the preload and main must agree on it.
export const channelOf = (method: string): string => `authdesk:${method}`;
