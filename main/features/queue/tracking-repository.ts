// A customer's owner, next follow-up date and notes (migration 003): read and written apart from the service
// details, so the Customer type every other service uses stays as it is.
import type { Database } from 'better-sqlite3';
import type { CustomerTracking } from '../../../shared/domain/customer-tracking';
import { statementCache } from '../../platform/db/statement-cache';

interface TrackingRow {
  owner: string;
  next_follow_up: string | null;
  notes: string;
}

const statements = statementCache((db) => ({
  get: db.prepare<{ id: string }, TrackingRow>('SELECT owner, next_follow_up, notes FROM customers WHERE id = @id'),
  set: db.prepare<{ id: string; owner: string; next_follow_up: string | null; notes: string; updated_at: string }>(
    `UPDATE customers SET owner = @owner, next_follow_up = @next_follow_up, notes = @notes, updated_at = @updated_at
     WHERE id = @id`,
  ),
}));

export function getTracking(db: Database, customerId: string): CustomerTracking | null {
  const row = statements(db).get.get({ id: customerId });
  return row ? { owner: row.owner, nextFollowUp: row.next_follow_up, notes: row.notes } : null;
}

export function setTracking(db: Database, customerId: string, tracking: CustomerTracking, at: string): void {
  const result = statements(db).set.run({
    id: customerId,
    owner: tracking.owner,
    next_follow_up: tracking.nextFollowUp,
    notes: tracking.notes,
    updated_at: at,
  });
  if (result.changes !== 1) throw new Error(`No customer ${customerId} to update.`);
}
