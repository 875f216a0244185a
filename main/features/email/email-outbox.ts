// Emails in the shared outbox table: each message is recorded (rendered, with its idempotency key) before it is
// sent, so a double click or a retry lands on the same row and a message is never sent twice, and a failed
// send keeps everything needed to try again. Claims are by id and kind so other outbox workers are unaffected.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { emailLanguages, emailTemplateKinds } from '../../../shared/email/email-template';
import { enqueueOutbox, type OutboxItem } from '../../platform/outbox/outbox-repository';
import { statementCache } from '../../platform/db/statement-cache';

export const emailOutboxKind = 'email';

export const emailPayloadSchema = z.object({
  customerId: z.string(),
  template: z.enum(emailTemplateKinds),
  language: z.enum(emailLanguages),
  // 'invitation' etc. sent by hand carry the request's id; reminders carry their number ("reminder 2").
  step: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
});
export type EmailPayload = z.infer<typeof emailPayloadSchema>;

export function emailIdempotencyKey(customerId: string, template: string, step: string): string {
  return `email:${customerId}:${template}:${step}`;
}

interface ClaimRow {
  id: number;
}

const statements = statementCache((db) => ({
  claim: db.prepare<{ id: number; now: string }, ClaimRow>(
    `UPDATE outbox SET status = 'running', attempts = attempts + 1, updated_at = @now
     WHERE id = @id AND kind = 'email' AND status = 'pending' RETURNING id`,
  ),
  // A failure that needed a person (refused password, rejected message) goes back in line when asked.
  requeue: db.prepare<{ id: number; now: string }>(
    `UPDATE outbox SET status = 'pending', next_attempt_at = @now, completed_at = NULL, updated_at = @now
     WHERE id = @id AND kind = 'email' AND status = 'failed'`,
  ),
  due: db.prepare<{ now: string }, { id: number }>(
    `SELECT id FROM outbox WHERE kind = 'email' AND status = 'pending' AND next_attempt_at <= @now
     ORDER BY next_attempt_at, id`,
  ),
  failed: db.prepare<[], { id: number }>(
    `SELECT id FROM outbox WHERE kind = 'email' AND status = 'failed' ORDER BY id`,
  ),
  unfinished: db.prepare<
    [],
    {
      id: number;
      payload: string;
      status: string;
      last_error: string | null;
      next_attempt_at: string;
      attempts: number;
    }
  >(
    `SELECT id, payload, status, last_error, next_attempt_at, attempts FROM outbox
     WHERE kind = 'email' AND status IN ('pending', 'running', 'failed') ORDER BY id`,
  ),
  allSentReminders: db.prepare<[], { idempotency_key: string }>(
    `SELECT idempotency_key FROM outbox WHERE kind = 'email' AND status = 'done'
       AND idempotency_key LIKE 'email:%:reminder:%'`,
  ),
  sentSteps: db.prepare<{ prefix: string }, { idempotency_key: string }>(
    `SELECT idempotency_key FROM outbox WHERE kind = 'email' AND status = 'done'
       AND substr(idempotency_key, 1, length(@prefix)) = @prefix`,
  ),
}));

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

export function claimEmail(db: Database, id: number, now: Date): boolean {
  return statements(db).claim.get({ id, now: now.toISOString() }) !== undefined;
}

export function requeueFailedEmails(db: Database, now: Date): number {
  const { failed, requeue } = statements(db);
  const ids = failed.all();
  for (const { id } of ids) requeue.run({ id, now: now.toISOString() });
  return ids.length;
}

export function dueEmailIds(db: Database, now: Date): number[] {
  return statements(db)
    .due.all({ now: now.toISOString() })
    .map((row) => row.id);
}

export interface UnsentEmail {
  id: number;
  payload: EmailPayload;
  status: 'pending' | 'running' | 'failed';
  lastError: string | null;
  nextAttemptAt: string;
  attempts: number;
}

export function listUnsentEmails(db: Database): UnsentEmail[] {
  return statements(db)
    .unfinished.all()
    .map((row) => ({
      id: row.id,
      payload: emailPayloadSchema.parse(JSON.parse(row.payload)),
      status: row.status as UnsentEmail['status'],
      lastError: row.last_error,
      nextAttemptAt: row.next_attempt_at,
      attempts: row.attempts,
    }));
}

// Reminder numbers already sent to a customer (their keys are email:<customer>:reminder:<n>).
export function sentReminderSteps(db: Database, customerId: string): number[] {
  const prefix = emailIdempotencyKey(customerId, 'reminder', '');
  return statements(db)
    .sentSteps.all({ prefix })
    .map((row) => Number(row.idempotency_key.slice(prefix.length)))
    .filter((step) => Number.isInteger(step));
}

// Every customer's sent reminder steps in one query, for listing due reminders across the whole queue.
export function sentReminderStepsByCustomer(db: Database): Map<string, number[]> {
  const byCustomer = new Map<string, number[]>();
  for (const { idempotency_key: key } of statements(db).allSentReminders.all()) {
    const match = /^email:(.+):reminder:(\d+)$/.exec(key);
    if (!match?.[1] || !match[2]) continue;
    const steps = byCustomer.get(match[1]) ?? [];
    steps.push(Number(match[2]));
    byCustomer.set(match[1], steps);
  }
  return byCustomer;
}
