// What a desktop holds of the team's data, in a form two desktops can be compared by: every customer's shared
// fields and the multiset of history events (without the conflict and merge lines, which are each desktop's own).
import type { Database } from 'better-sqlite3';
import { sharedColumns } from '../../main/platform/db/change-capture';

export function teamReplica(db: Database): { customers: unknown[]; events: unknown[] } {
  const columns = sharedColumns(db, 'customers');
  const customers = db
    .prepare(`SELECT id, ${columns.map((column) => `"${column}"`).join(', ')} FROM customers ORDER BY id`)
    .all();
  const events = db
    .prepare(
      `SELECT customer_id, type, at, actor, summary, data FROM customer_events WHERE type NOT IN ('team-conflict', 'team-merged')
       ORDER BY customer_id, at, type, summary, data`,
    )
    .all();
  return { customers, events };
}
