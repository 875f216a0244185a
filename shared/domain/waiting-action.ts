// An action waiting in the outbox for its service (Partner Center, the mail server), as the interface lists it:
// "3 actions waiting for a connection", each with Retry and Cancel.
import { z } from 'zod';

export const waitingActionSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  customerId: z.string().nullable(),
  // What it does, for a person: "Verify Litware Inc (litware.onmicrosoft.com)".
  label: z.string(),
  // waiting: for the connection or its next try; running: under way; failed: needs a person (Retry or Cancel).
  status: z.enum(['waiting', 'running', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  createdAt: z.string(),
});
export type WaitingAction = z.infer<typeof waitingActionSchema>;

export const connectivityStateSchema = z.object({
  online: z.boolean(),
  waiting: z.array(waitingActionSchema),
});

// What "Get link" and "Verify" answer when Partner Center cannot be reached: the action is recorded and runs
// by itself once it can.
export const queuedMessage = 'Queued: will run when Partner Center is reachable.';
