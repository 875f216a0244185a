// What a desktop holds of the team's data, in a form two desktops can be compared by: every record of each shared
// table (customers, their GDAP relationships, the views saved for the team) and the multiset of history events (without the conflict and merge
// lines, which are each desktop's own).
import type { Database } from 'better-sqlite3';
import {
  sharedColumns,
  sharedRowSql,
  teamFieldTables,
  type TeamFieldTable,
} from '../../main/platform/db/change-capture';

const records = (db: Database, table: TeamFieldTable) => {
  const key = teamFieldTables[table].key;
  const columns = sharedColumns(db, table).map((column) => `"${column}"`);
  return db
    .prepare(`SELECT ${key}, ${columns.join(', ')} FROM ${table} t WHERE ${sharedRowSql(table, 't')} ORDER BY ${key}`)
    .all();
};

export function teamReplica(db: Database): {
  customers: unknown[];
  gdap: unknown[];
  views: unknown[];
  events: unknown[];
} {
  const events = db
    .prepare(
      `SELECT customer_id, type, at, actor, summary, data FROM customer_events
       WHERE type NOT IN ('team-conflict', 'team-merged')
       ORDER BY customer_id, at, type, summary, data`,
    )
    .all();
  return {
    customers: records(db, 'customers'),
    gdap: records(db, 'gdap_relationships'),
    views: records(db, 'saved_views'),
    events,
  };
}
