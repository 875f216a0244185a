// The handler table a fragment of the contract asks for: one handler per channel, taking the request as
// its schema parsed it and answering what the response schema describes. A feature's handler function is
// typed HandlersOf<typeof itsChannels>, so a missing, extra or misnamed handler does not compile.
import type { z } from 'zod';
import type { Channels } from '../../../shared/ipc/channel';

export type HandlersOf<C extends Channels> = {
  [M in keyof C]: (request: z.output<C[M]['request']>) => Promise<z.output<C[M]['response']>>;
};
