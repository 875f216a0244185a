// The channels of offline-first work: what waits in the outbox for a connection (list, retry, cancel), whether
// Partner Center is reachable, and "Verify" that queues instead of failing when it is not. The push events
// (connectivityChanged, outboxChanged, customerAuthorized) are declared in contract.ts with the others.
import { z } from 'zod';
import { domainNameSchema } from '../../domain/validation';
import { verificationResultSchema } from '../../domain/verification';
import { connectivityStateSchema, waitingActionSchema, waitingWindowSchema } from '../../domain/waiting-action';
import type { Channels } from '../channel';
import { customerDetailSchema } from '../customer-detail';
import { customerId, noArguments } from '../ids';

const waitingActionId = z.object({ id: z.number().int().positive() }).strict();

export const offlineChannels = {
  getConnectivity: { request: noArguments, response: connectivityStateSchema },
  retryWaitingAction: { request: waitingActionId, response: waitingWindowSchema },
  cancelWaitingAction: { request: waitingActionId, response: waitingWindowSchema },
  // What waits for one customer, for that customer's view (it may be far down the window's list).
  listCustomerWaitingActions: { request: z.object({ customerId }).strict(), response: z.array(waitingActionSchema) },
  // Verify from the dialog: the answer at once when Partner Center is reachable; otherwise the verification
  // is queued (result null, queued set) and runs by itself when it is.
  requestVerification: {
    request: z.object({ customerId, defaultDomain: domainNameSchema }).strict(),
    response: z.object({
      detail: customerDetailSchema,
      result: verificationResultSchema.nullable(),
      queued: waitingActionSchema.nullable(),
    }),
  },
} as const satisfies Channels;
