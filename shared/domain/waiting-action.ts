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

// The header lists the oldest few waiting actions and counts them all: "Verify all when reachable" can queue
// one per customer, tens of thousands, and the window must not grow with them.
export const waitingWindowLimit = 50;

export const waitingWindowSchema = z.object({
  waiting: z.array(waitingActionSchema).max(waitingWindowLimit),
  waitingCount: z.number().int().min(0),
});
export type WaitingWindow = z.infer<typeof waitingWindowSchema>;

export const connectivityStateSchema = waitingWindowSchema.extend({ online: z.boolean() });
export type ConnectivityState = z.infer<typeof connectivityStateSchema>;

// What "Get link" and "Verify" answer when Partner Center cannot be reached: the action is recorded and runs
// by itself once it can.
export const queuedMessage = 'Queued: will run when Partner Center is reachable.';
