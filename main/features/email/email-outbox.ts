// Emails in the one outbox: each message is recorded (rendered, with its idempotency key) before it is sent, so
// a double click or a retry lands on the same row and a message is never sent twice, and a failed send keeps
// everything needed to try again. The outbox worker claims and runs them (email-outbox-handler.ts); this module
// holds only what is particular to email: the payload, the key, and the reads the email screens need.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { emailLanguageCodeSchema, emailTemplateKinds } from '../../../shared/email/email-template';
import {
  doneOutboxKeys,
  enqueueOutbox,
  countUnfinishedOutbox,
  failedOutboxIdsAfter,
  listUnfinishedOutbox,
  type OutboxItem,
} from '../../platform/outbox/outbox-repository';

export const emailOutboxKind = 'email';

export const emailPayloadSchema = z.object({
  customerId: z.string(),
  template: z.enum(emailTemplateKinds),
  language: emailLanguageCodeSchema,
  // 'invitation' etc. sent by hand carry the request's id; reminders carry their number ("reminder 2").
  step: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  // In a team: the key claimed in the team database before sending, so it goes out once for the team.
  teamKey: z.string().optional(),
});
export type EmailPayload = z.infer<typeof emailPayloadSchema>;

export function emailIdempotencyKey(customerId: string, template: string, step: string): string {
  return `email:${customerId}:${template}:${step}`;
}

export function recordEmail(db: Database, payload: EmailPayload, now: Date): OutboxItem {
  return enqueueOutbox(
    db,
    {
      idempotencyKey: emailIdempotencyKey(payload.customerId, payload.template, payload.step),
      kind: emailOutboxKind,
      payload,
    },
    now,
  );
}

export interface UnsentEmail {
  id: number;
  payload: EmailPayload;
  status: 'pending' | 'running' | 'failed';
  lastError: string | null;
  nextAttemptAt: string;
  attempts: number;
}

// The oldest `limit` unsent emails.
export function listUnsentEmails(db: Database, limit: number): UnsentEmail[] {
  return listUnfinishedOutbox(db, [emailOutboxKind], limit).map((item) => ({
    id: item.id,
    payload: emailPayloadSchema.parse(item.payload),
    status: item.status as UnsentEmail['status'],
    lastError: item.lastError,
    nextAttemptAt: item.nextAttemptAt,
    attempts: item.attempts,
  }));
}

export function countUnsentEmails(db: Database): { total: number; failed: number } {
  return countUnfinishedOutbox(db, [emailOutboxKind]);
}

// The failed emails' ids after afterId, a page at a time.
export function failedEmailIdsAfter(db: Database, afterId: number, limit: number): number[] {
  return failedOutboxIdsAfter(db, [emailOutboxKind], afterId, limit);
}

const reminderKey = /^email:(.+):reminder:(\d+)$/;

// Reminder numbers already sent to a customer (their keys are email:<customer>:reminder:<n>).
export function sentReminderSteps(db: Database, customerId: string): number[] {
  const prefix = emailIdempotencyKey(customerId, 'reminder', '');
  return doneOutboxKeys(db, emailOutboxKind, prefix)
    .map((key) => Number(key.slice(prefix.length)))
    .filter((step) => Number.isInteger(step));
}

// Every customer's sent reminder steps in one query, for listing due reminders across the whole queue.
export function sentReminderStepsByCustomer(db: Database): Map<string, number[]> {
  const byCustomer = new Map<string, number[]>();
  for (const key of doneOutboxKeys(db, emailOutboxKind, 'email:')) {
    const match = reminderKey.exec(key);
    if (!match?.[1] || !match[2]) continue;
    const steps = byCustomer.get(match[1]) ?? [];
    steps.push(Number(match[2]));
    byCustomer.set(match[1], steps);
  }
  return byCustomer;
}
