// The outbox: idempotent enqueue, due items claimed once (in turn, or one by id ahead of its backoff), retries
// scheduled, final failures and cancellation, and the keys of a kind's finished items.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../../main/platform/db/connection';
import {
  cancelClaimedOutbox,
  cancelOutbox,
  claimNextOutbox,
  claimOutboxById,
  doneOutboxKeys,
  completeOutbox,
  enqueueOutbox,
  failOutbox,
  listPendingOutbox,
} from '../../../../main/platform/outbox/outbox-repository';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));

describe('outbox repository', () => {
  let db: Database;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });

  it('returns the existing row for a second enqueue with the same key', () => {
    const first = enqueueOutbox(
      db,
      { idempotencyKey: 'verify:c1', kind: 'verify', payload: { customerId: 'c1' } },
      at(0),
    );
    const second = enqueueOutbox(
      db,
      { idempotencyKey: 'verify:c1', kind: 'verify', payload: { customerId: 'other' } },
      at(5),
    );
    expect(second).toEqual(first);
    expect(second.payload).toEqual({ customerId: 'c1' });
    expect(listPendingOutbox(db)).toHaveLength(1);
  });

  it('claims due items oldest first, each once, counting attempts', () => {
    enqueueOutbox(db, { idempotencyKey: 'b', kind: 'verify', payload: {} }, at(2));
    enqueueOutbox(db, { idempotencyKey: 'a', kind: 'verify', payload: {} }, at(1));
    enqueueOutbox(db, { idempotencyKey: 'later', kind: 'verify', payload: {}, notBefore: at(30) }, at(0));
    expect(claimNextOutbox(db, at(0))).toBeNull();
    const first = claimNextOutbox(db, at(3));
    expect(first).toMatchObject({ idempotencyKey: 'a', status: 'running', attempts: 1 });
    expect(claimNextOutbox(db, at(3))).toMatchObject({ idempotencyKey: 'b' });
    expect(claimNextOutbox(db, at(3))).toBeNull();
    expect(completeOutbox(db, first!.id, at(4))).toMatchObject({ status: 'done', completedAt: at(4).toISOString() });
    expect(listPendingOutbox(db).map((item) => item.idempotencyKey)).toEqual(['b', 'later']);
  });

  it('schedules a retry, or gives up when there is no next attempt', () => {
    const item = enqueueOutbox(db, { idempotencyKey: 'x', kind: 'link', payload: {} }, at(0));
    claimNextOutbox(db, at(0));
    const retried = failOutbox(db, item.id, 'offline', at(10), at(1));
    expect(retried).toMatchObject({ status: 'pending', lastError: 'offline', nextAttemptAt: at(10).toISOString() });
    expect(claimNextOutbox(db, at(9))).toBeNull();
    expect(claimNextOutbox(db, at(10))).toMatchObject({ attempts: 2 });
    expect(failOutbox(db, item.id, 'refused', null, at(11))).toMatchObject({ status: 'failed', lastError: 'refused' });
    expect(listPendingOutbox(db)).toEqual([]);
  });

  it('cancels pending items only', () => {
    const pending = enqueueOutbox(db, { idempotencyKey: 'p', kind: 'link', payload: {} }, at(0));
    expect(cancelOutbox(db, pending.id, at(1)).status).toBe('cancelled');
    expect(claimNextOutbox(db, at(2))).toBeNull();
    const running = enqueueOutbox(db, { idempotencyKey: 'r', kind: 'link', payload: {} }, at(0));
    claimNextOutbox(db, at(2));
    expect(cancelOutbox(db, running.id, at(3)).status).toBe('running');
  });

  it('claims one item by id ahead of its backoff, once, and only of the given kinds', () => {
    const later = enqueueOutbox(db, { idempotencyKey: 'l', kind: 'email', payload: {}, notBefore: at(30) }, at(0));
    expect(claimOutboxById(db, later.id, ['verify'], at(1))).toBeNull();
    expect(claimOutboxById(db, later.id, ['email'], at(1))).toMatchObject({ status: 'running', attempts: 1 });
    expect(claimOutboxById(db, later.id, ['email'], at(1))).toBeNull();
    // The handler no longer wants it: cancelled from running, never done.
    expect(cancelClaimedOutbox(db, later.id, at(2))).toMatchObject({ status: 'cancelled' });
  });

  it("lists a kind's finished keys by prefix", () => {
    for (const key of ['email:c1:reminder:1', 'email:c1:reminder:2', 'email:c2:reminder:1', 'email:c1:invitation:x']) {
      enqueueOutbox(db, { idempotencyKey: key, kind: 'email', payload: {} }, at(0));
      const claimed = claimNextOutbox(db, at(0));
      if (key !== 'email:c1:reminder:2') completeOutbox(db, claimed!.id, at(1));
    }
    expect(doneOutboxKeys(db, 'email', 'email:c1:reminder:')).toEqual(['email:c1:reminder:1']);
    expect(doneOutboxKeys(db, 'email', 'email:')).toHaveLength(3);
    expect(doneOutboxKeys(db, 'verify', 'email:')).toEqual([]);
  });
});
