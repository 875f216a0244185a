// The channels of offline-first work (issue 6): what waits in the outbox for a connection (list, retry, cancel),
// whether Partner Center is reachable, and "Verify" that queues instead of failing when it is not.
// Spread into the contract in contract.ts; the push events (connectivityChanged, outboxChanged,
// customerAuthorized) are declared there with the others.
import { z } from 'zod';
import { domainNameSchema } from '../domain/validation';
import { verificationResultSchema } from '../domain/verification';
import { connectivityStateSchema, waitingActionSchema } from '../domain/waiting-action';

const customerId = z.string().min(1).max(64);
const actionId = z.object({ id: z.number().int().positive() }).strict();

export function offlineContract<Detail extends z.ZodType>(customerDetailSchema: Detail) {
  return {
    getConnectivity: { request: z.object({}).strict(), response: connectivityStateSchema },
    retryWaitingAction: { request: actionId, response: z.array(waitingActionSchema) },
    cancelWaitingAction: { request: actionId, response: z.array(waitingActionSchema) },
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
  } as const;
}
