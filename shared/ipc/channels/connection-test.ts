// The channel of "Test connection": the sign-in, one Partner Center read and one Graph (GDAP) read, made by
// main against whatever AuthDesk is connected to (the sandbox's simulator or Microsoft).
import type { Channels } from '../channel';
import { connectionTestResultSchema } from '../../domain/connection-test';
import { noArguments } from '../ids';

export const connectionTestChannels = {
  testConnection: { request: noArguments, response: connectionTestResultSchema },
} as const satisfies Channels;
