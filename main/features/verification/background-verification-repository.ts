// The background re-verification schedule in SQLite (migration 006): one row per customer in Sent, with when
// it entered Sent and when its next check is due. Kept in step with the customers table by sync().
import type { Database } from 'better-sqlite3';
import { statementCache } from '../../platform/db/statement-cache';

export interface ScheduledCheck {
  customerId: string;
  sentAt: string;
  nextCheckAt: string;
  checks: number;
}

interface Row {
  customer_id: string;
  sent_at: string;
  next_check_at: string;
  checks: number;
}

// The hand-off events that move a customer to Sent: the schedule counts from the first of them.
const handOffTypes = `('link-copied', 'instructions-copied', 'mail-client-opened', 'email-sent')`;

const statements = statementCache((db) => ({
  dropLeft: db.prepare<[]>(
    `DELETE FROM background_verification
     WHERE customer_id NOT IN (SELECT id FROM customers WHERE status = 'sent')`,
  ),
  // New customers in Sent get their first check one interval after they were sent (firstDelayMs is computed by
  // the caller from the schedule, without jitter; jitter applies from the second check on).
  addNew: db.prepare<{ firstDelayMs: number }>(
    `INSERT INTO background_verification (customer_id, sent_at, next_check_at)
     SELECT c.id, s.sent_at,
            strftime('%Y-%m-%dT%H:%M:%fZ', julianday(s.sent_at) + @firstDelayMs / 86400000.0)
     FROM customers c
     JOIN (SELECT c2.id AS id,
                  COALESCE((SELECT MIN(e.at) FROM customer_events e
                            WHERE e.customer_id = c2.id AND e.type IN ${handOffTypes}), c2.updated_at) AS sent_at
           FROM customers c2 WHERE c2.status = 'sent') s ON s.id = c.id
     WHERE c.id NOT IN (SELECT customer_id FROM background_verification)`,
  ),
  due: db.prepare<{ now: string; limit: number }, Row>(
    `SELECT b.* FROM background_verification b JOIN customers c ON c.id = b.customer_id
     WHERE c.status = 'sent' AND b.next_check_at <= @now ORDER BY b.next_check_at LIMIT @limit`,
  ),
  nextDue: db.prepare<[], { at: string | null }>('SELECT MIN(next_check_at) AS at FROM background_verification'),
  checked: db.prepare<{ id: string; now: string; next: string }>(
    `UPDATE background_verification SET checks = checks + 1, last_checked_at = @now, next_check_at = @next
     WHERE customer_id = @id`,
  ),
  postponed: db.prepare<{ id: string; next: string }>(
    'UPDATE background_verification SET next_check_at = @next WHERE customer_id = @id',
  ),
}));

const toCheck = (row: Row): ScheduledCheck => ({
  customerId: row.customer_id,
  sentAt: row.sent_at,
  nextCheckAt: row.next_check_at,
  checks: row.checks,
});

// One transaction: the schedule never sees half a sync.
export function syncSchedule(db: Database, firstDelayMs: number): void {
  db.transaction(() => {
    statements(db).dropLeft.run();
    statements(db).addNew.run({ firstDelayMs });
  })();
}

export function dueChecks(db: Database, now: Date, limit: number): ScheduledCheck[] {
  return statements(db).due.all({ now: now.toISOString(), limit }).map(toCheck);
}

export function nextScheduledCheckAt(db: Database): Date | null {
  const at = statements(db).nextDue.get()?.at ?? null;
  return at === null ? null : new Date(at);
}

export function recordScheduledCheck(db: Database, customerId: string, now: Date, next: Date): void {
  statements(db).checked.run({ id: customerId, now: now.toISOString(), next: next.toISOString() });
}

// Another desktop of the team checked it (or is checking it): the next check here moves, none is counted.
export function postponeScheduledCheck(db: Database, customerId: string, next: Date): void {
  statements(db).postponed.run({ id: customerId, next: next.toISOString() });
}
