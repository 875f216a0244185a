// The outbox: calls to Microsoft and emails, recorded before they run, so work asked for while offline is never
// lost and runs once the connection returns. Idempotency keys make a repeated request (a double click, a retry
// after a crash) land on the same row instead of queueing the call twice.
import type { Database } from 'better-sqlite3';
import { statementCache } from '../db/statement-cache';

export const outboxStatuses = ['pending', 'running', 'done', 'failed', 'cancelled'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export interface OutboxItem {
  id: number;
  idempotencyKey: string;
  kind: string;
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

interface OutboxRow {
  id: number;
  idempotency_key: string;
  kind: string;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface NewOutboxItem {
  idempotencyKey: string;
  kind: string;
  payload: unknown;
  // When the first attempt may run; defaults to now.
  notBefore?: Date;
}

const statements = statementCache((db) => ({
  insert: db.prepare<{ key: string; kind: string; payload: string; nextAttemptAt: string; now: string }>(
    `INSERT INTO outbox (idempotency_key, kind, payload, status, attempts, next_attempt_at, created_at, updated_at)
     VALUES (@key, @kind, @payload, 'pending', 0, @nextAttemptAt, @now, @now)
     ON CONFLICT (idempotency_key) DO NOTHING`,
  ),
  byKey: db.prepare<{ key: string }, OutboxRow>('SELECT * FROM outbox WHERE idempotency_key = @key'),
  byId: db.prepare<{ id: number }, OutboxRow>('SELECT * FROM outbox WHERE id = @id'),
  // One statement, so two workers can never claim the same item.
  claimNext: db.prepare<{ now: string }, OutboxRow>(
    `UPDATE outbox SET status = 'running', attempts = attempts + 1, updated_at = @now
     WHERE id = (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= @now
                 ORDER BY next_attempt_at, id LIMIT 1)
     RETURNING *`,
  ),
  complete: db.prepare<{ id: number; now: string; note: string | null }>(
    `UPDATE outbox SET status = 'done', last_error = @note, updated_at = @now, completed_at = @now
     WHERE id = @id AND status = 'running'`,
  ),
  retryLater: db.prepare<{ id: number; error: string; nextAttemptAt: string; now: string }>(
    `UPDATE outbox SET status = 'pending', last_error = @error, next_attempt_at = @nextAttemptAt, updated_at = @now
     WHERE id = @id AND status = 'running'`,
  ),
  giveUp: db.prepare<{ id: number; error: string; now: string }>(
    `UPDATE outbox SET status = 'failed', last_error = @error, updated_at = @now, completed_at = @now
     WHERE id = @id AND status = 'running'`,
  ),
  listPending: db.prepare<[], OutboxRow>(
    `SELECT * FROM outbox WHERE status IN ('pending', 'running') ORDER BY next_attempt_at, id`,
  ),
  cancel: db.prepare<{ id: number; now: string }>(
    `UPDATE outbox SET status = 'cancelled', updated_at = @now, completed_at = @now
     WHERE id = @id AND status = 'pending'`,
  ),
  // A worker claims only the kinds it has handlers for: a kind nobody registered stays untouched.
  claimNextOfKinds: db.prepare<{ kinds: string; now: string; owner: string; until: string }, OutboxRow>(
    `UPDATE outbox SET status = 'running', attempts = attempts + 1, updated_at = @now,
       lease_owner = @owner, lease_expires_at = @until
     WHERE id = (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= @now
                   AND kind IN (SELECT value FROM json_each(@kinds))
                 ORDER BY next_attempt_at, id LIMIT 1)
     RETURNING *`,
  ),
  running: db.prepare<{ kinds: string }, { id: number; owner: string | null; expiresAt: string | null }>(
    `SELECT id, lease_owner AS owner, lease_expires_at AS expiresAt FROM outbox
     WHERE status = 'running' AND kind IN (SELECT value FROM json_each(@kinds))`,
  ),
  recoverOne: db.prepare<{ id: number; now: string }>(
    `UPDATE outbox SET status = 'pending', next_attempt_at = @now, updated_at = @now, lease_owner = NULL,
       lease_expires_at = NULL
     WHERE id = @id AND status = 'running'`,
  ),
  renewLeases: db.prepare<{ owner: string; until: string }>(
    `UPDATE outbox SET lease_expires_at = @until WHERE status = 'running' AND lease_owner = @owner`,
  ),
  wakePending: db.prepare<{ kinds: string; now: string }>(
    `UPDATE outbox SET next_attempt_at = @now, updated_at = @now
     WHERE status = 'pending' AND next_attempt_at > @now AND kind IN (SELECT value FROM json_each(@kinds))`,
  ),
  nextDue: db.prepare<{ kinds: string }, { at: string | null }>(
    `SELECT MIN(next_attempt_at) AS at FROM outbox
     WHERE status = 'pending' AND kind IN (SELECT value FROM json_each(@kinds))`,
  ),
  // The oldest unfinished items, in the order they were asked for: read along the partial index and stopped at
  // the limit (the planner, left to itself, took the kind's index and sorted every unfinished row).
  listUnfinished: db.prepare<{ kinds: string; limit: number }, OutboxRow>(
    `SELECT * FROM outbox INDEXED BY outbox_unfinished WHERE status IN ('pending', 'running', 'failed')
       AND kind IN (SELECT value FROM json_each(@kinds))
     ORDER BY created_at, id LIMIT @limit`,
  ),
  countUnfinished: db.prepare<{ kinds: string }, { total: number; failed: number }>(
    `SELECT COUNT(*) AS total, COALESCE(SUM(status = 'failed'), 0) AS failed FROM outbox
     WHERE status IN ('pending', 'running', 'failed') AND kind IN (SELECT value FROM json_each(@kinds))`,
  ),
  unfinishedForCustomer: db.prepare<{ kinds: string; customerId: string }, OutboxRow>(
    `SELECT * FROM outbox WHERE status IN ('pending', 'running', 'failed')
       AND json_extract(payload, '$.customerId') = @customerId AND kind IN (SELECT value FROM json_each(@kinds))
     ORDER BY created_at, id`,
  ),
  // The failed items after a given id, a page at a time ("Retry failed emails" walks them all).
  failedAfter: db.prepare<{ kinds: string; afterId: number; limit: number }, { id: number }>(
    `SELECT id FROM outbox WHERE status = 'failed' AND id > @afterId AND kind IN (SELECT value FROM json_each(@kinds))
     ORDER BY id LIMIT @limit`,
  ),
  activeForCustomer: db.prepare<{ kind: string; customerId: string }, OutboxRow>(
    `SELECT * FROM outbox WHERE kind = @kind AND status IN ('pending', 'running')
       AND json_extract(payload, '$.customerId') = @customerId
     ORDER BY id LIMIT 1`,
  ),
  retryNow: db.prepare<{ id: number; now: string }>(
    `UPDATE outbox SET status = 'pending', next_attempt_at = @now, completed_at = NULL, updated_at = @now
     WHERE id = @id AND status IN ('pending', 'failed')`,
  ),
  claimById: db.prepare<{ id: number; kinds: string; now: string; owner: string; until: string }, OutboxRow>(
    `UPDATE outbox SET status = 'running', attempts = attempts + 1, updated_at = @now,
       lease_owner = @owner, lease_expires_at = @until
     WHERE id = @id AND status = 'pending' AND kind IN (SELECT value FROM json_each(@kinds))
     RETURNING *`,
  ),
  cancelClaimed: db.prepare<{ id: number; now: string }>(
    `UPDATE outbox SET status = 'cancelled', updated_at = @now, completed_at = @now
     WHERE id = @id AND status = 'running'`,
  ),
  doneKeys: db.prepare<{ kind: string; prefix: string }, { idempotency_key: string }>(
    `SELECT idempotency_key FROM outbox WHERE kind = @kind AND status = 'done'
       AND substr(idempotency_key, 1, length(@prefix)) = @prefix
     ORDER BY id`,
  ),
  countByStatus: db.prepare<{ kinds: string }, { status: OutboxStatus; count: number }>(
    `SELECT status, COUNT(*) AS count FROM outbox WHERE kind IN (SELECT value FROM json_each(@kinds)) GROUP BY status`,
  ),
}));

const toItem = (row: OutboxRow): OutboxItem => ({
  id: row.id,
  idempotencyKey: row.idempotency_key,
  kind: row.kind,
  payload: JSON.parse(row.payload),
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  completedAt: row.completed_at,
});

function requireItem(db: Database, id: number): OutboxItem {
  const row = statements(db).byId.get({ id });
  if (!row) throw new Error(`No outbox item ${id}.`);
  return toItem(row);
}

export function enqueueOutbox(db: Database, item: NewOutboxItem, now: Date): OutboxItem {
  const { insert, byKey } = statements(db);
  insert.run({
    key: item.idempotencyKey,
    kind: item.kind,
    payload: JSON.stringify(item.payload),
    nextAttemptAt: (item.notBefore ?? now).toISOString(),
    now: now.toISOString(),
  });
  const row = byKey.get({ key: item.idempotencyKey });
  if (!row) throw new Error(`The outbox item ${item.idempotencyKey} was not recorded.`);
  return toItem(row);
}

export function claimNextOutbox(db: Database, now: Date): OutboxItem | null {
  const row = statements(db).claimNext.get({ now: now.toISOString() });
  return row ? toItem(row) : null;
}

// note: how it was done when not by this desktop itself (another desktop of the team did it), kept in last_error.
export function completeOutbox(db: Database, id: number, now: Date, note: string | null = null): OutboxItem {
  statements(db).complete.run({ id, now: now.toISOString(), note });
  return requireItem(db, id);
}

// nextAttemptAt null means the error is final (it needs a person, not another try).
export function failOutbox(db: Database, id: number, error: string, nextAttemptAt: Date | null, now: Date): OutboxItem {
  const { retryLater, giveUp } = statements(db);
  if (nextAttemptAt) {
    retryLater.run({ id, error, nextAttemptAt: nextAttemptAt.toISOString(), now: now.toISOString() });
  } else {
    giveUp.run({ id, error, now: now.toISOString() });
  }
  return requireItem(db, id);
}

export function listPendingOutbox(db: Database): OutboxItem[] {
  return statements(db).listPending.all().map(toItem);
}

// Only an item not yet running can be cancelled: a running call may already have reached Microsoft.
export function cancelOutbox(db: Database, id: number, now: Date): OutboxItem {
  statements(db).cancel.run({ id, now: now.toISOString() });
  return requireItem(db, id);
}

// --- For the generic outbox worker (main/platform/outbox/): everything scoped to the kinds a worker handles. ---

const kindList = (kinds: readonly string[]): string => JSON.stringify(kinds);

// Who claims an item and until when (outbox-lease.ts); without one, a lease that is already over.
export interface OutboxLease {
  owner: string;
  until: Date;
}
const noLease = (now: Date): OutboxLease => ({ owner: 'unleased', until: now });

export function claimNextOutboxOfKinds(
  db: Database,
  kinds: readonly string[],
  now: Date,
  lease: OutboxLease = noLease(now),
): OutboxItem | null {
  const row = statements(db).claimNextOfKinds.get({
    kinds: kindList(kinds),
    now: now.toISOString(),
    owner: lease.owner,
    until: lease.until.toISOString(),
  });
  return row ? toItem(row) : null;
}

// Startup recovery: an item left 'running' was cut off by a crash or a kill before it finished, and a handler
// completes its item in the same transaction as its effect, so nothing of it was recorded: it runs again. Only
// items nobody holds any more (abandoned) are taken back; another process's items in flight are left alone.
export function recoverRunningOutbox(
  db: Database,
  kinds: readonly string[],
  now: Date,
  abandoned: (lease: { owner: string | null; expiresAt: string | null }) => boolean = () => true,
): number {
  const recover = db.transaction(() => {
    let recovered = 0;
    for (const item of statements(db).running.all({ kinds: kindList(kinds) })) {
      if (!abandoned(item)) continue;
      recovered += statements(db).recoverOne.run({ id: item.id, now: now.toISOString() }).changes;
    }
    return recovered;
  });
  return recover();
}

// The owner's items are still being run: their leases go on.
export function renewOutboxLeases(db: Database, lease: OutboxLease): void {
  statements(db).renewLeases.run({ owner: lease.owner, until: lease.until.toISOString() });
}

// The connection came back: everything waiting out a backoff may go now.
export function wakePendingOutbox(db: Database, kinds: readonly string[], now: Date): number {
  return statements(db).wakePending.run({ kinds: kindList(kinds), now: now.toISOString() }).changes;
}

export function nextDueOutboxAt(db: Database, kinds: readonly string[]): Date | null {
  const at = statements(db).nextDue.get({ kinds: kindList(kinds) })?.at ?? null;
  return at === null ? null : new Date(at);
}

// The first `limit` unfinished items, oldest first.
export function listUnfinishedOutbox(db: Database, kinds: readonly string[], limit: number): OutboxItem[] {
  return statements(db)
    .listUnfinished.all({ kinds: kindList(kinds), limit })
    .map(toItem);
}

export function countUnfinishedOutbox(db: Database, kinds: readonly string[]): { total: number; failed: number } {
  return statements(db).countUnfinished.get({ kinds: kindList(kinds) }) ?? { total: 0, failed: 0 };
}

export function unfinishedOutboxForCustomer(db: Database, kinds: readonly string[], customerId: string): OutboxItem[] {
  return statements(db)
    .unfinishedForCustomer.all({ kinds: kindList(kinds), customerId })
    .map(toItem);
}

export function failedOutboxIdsAfter(db: Database, kinds: readonly string[], afterId: number, limit: number): number[] {
  return statements(db)
    .failedAfter.all({ kinds: kindList(kinds), afterId, limit })
    .map((row) => row.id);
}

export function activeOutboxForCustomer(db: Database, kind: string, customerId: string): OutboxItem | null {
  const row = statements(db).activeForCustomer.get({ kind, customerId });
  return row ? toItem(row) : null;
}

// "Retry now": a waiting item skips its backoff, a failed one goes back in line.
export function retryOutboxNow(db: Database, id: number, now: Date): OutboxItem {
  statements(db).retryNow.run({ id, now: now.toISOString() });
  return requireItem(db, id);
}

// "Run this one now": claims a waiting item ahead of its turn and its backoff; null when it is not waiting
// (running already, finished, cancelled) or not of these kinds.
export function claimOutboxById(
  db: Database,
  id: number,
  kinds: readonly string[],
  now: Date,
  lease: OutboxLease = noLease(now),
): OutboxItem | null {
  const row = statements(db).claimById.get({
    id,
    kinds: kindList(kinds),
    now: now.toISOString(),
    owner: lease.owner,
    until: lease.until.toISOString(),
  });
  return row ? toItem(row) : null;
}

// A handler found its claimed item no longer wanted before doing anything: it ends cancelled, not done.
export function cancelClaimedOutbox(db: Database, id: number, now: Date): OutboxItem {
  statements(db).cancelClaimed.run({ id, now: now.toISOString() });
  return requireItem(db, id);
}

// The idempotency keys of a kind's finished items that start with a prefix (what a feature already did).
export function doneOutboxKeys(db: Database, kind: string, keyPrefix: string): string[] {
  return statements(db)
    .doneKeys.all({ kind, prefix: keyPrefix })
    .map((row) => row.idempotency_key);
}

export function findOutboxByKey(db: Database, idempotencyKey: string): OutboxItem | null {
  const row = statements(db).byKey.get({ key: idempotencyKey });
  return row ? toItem(row) : null;
}

export function getOutbox(db: Database, id: number): OutboxItem | null {
  const row = statements(db).byId.get({ id });
  return row ? toItem(row) : null;
}

export function countOutboxByStatus(db: Database, kinds: readonly string[]): Record<OutboxStatus, number> {
  const counts: Record<OutboxStatus, number> = { pending: 0, running: 0, done: 0, failed: 0, cancelled: 0 };
  for (const row of statements(db).countByStatus.all({ kinds: kindList(kinds) })) counts[row.status] = row.count;
  return counts;
}
