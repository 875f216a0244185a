// Folds one customer record into another that is the same customer: each field takes the later of the two
// clocks (checked out stays checked out), exactly as if every change of both had been made to one record,
// except the merged-away record's creation: the values it was added with give way to the customer's; the
// GDAP relationship merges the same way; the history, the reminder schedule, the background checks and the
// waiting Partner Center calls move over; the merged-away record goes and its id becomes an alias. A timeline
// line says what happened.
import type { Database } from 'better-sqlite3';
import { sharedColumns, teamFieldTables, type TeamFieldTable } from '../../platform/db/change-capture';
import { wallClockTime } from './conflict-summary';
import { replacesField, type FieldClock } from './field-clock';
import type { SameCustomerMerge } from './same-customer';

const handOffTypes = `('link-copied', 'instructions-copied', 'mail-client-opened', 'email-sent')`;
// This desktop's own tables keyed by customer: the record that remains keeps its own row, else takes the other's.
const perCustomerTables = ['customer_reminders', 'background_verification'] as const;

function mergedSummary(merge: SameCustomerMerge): string {
  return `Added twice before either desktop had seen the other: by ${merge.into.actor} at ${wallClockTime(merge.into.hlc)} and by ${merge.from.actor} at ${wallClockTime(merge.from.hlc)} (${merge.teamKey}); now one customer with both histories`;
}

// Folds the record keyed `from` of a shared table into the one keyed `into`, field by field as the clocks say
// (moved whole when there is none); skipChangeId: a change whose values give way.
function foldRecord(db: Database, table: TeamFieldTable, from: string, into: string, skipChangeId: string | null) {
  const key = teamFieldTables[table].key;
  const rowOf = (id: string) =>
    db.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`).get(id) as Record<string, unknown> | undefined;
  const clocksOf = (id: string) =>
    new Map(
      (
        db
          .prepare(
            `SELECT field, hlc, change_id AS changeId, actor FROM team_field_clocks WHERE entity = ? AND row_id = ?`,
          )
          .all(table, id) as (FieldClock & { field: string })[]
      ).map((clock) => [clock.field, clock]),
    );
  const fromRow = rowOf(from);
  if (!fromRow) return;
  const intoRow = rowOf(into);
  if (!intoRow) {
    db.prepare(`UPDATE ${table} SET ${key} = ? WHERE ${key} = ?`).run(into, from);
    db.prepare('UPDATE team_field_clocks SET row_id = ? WHERE entity = ? AND row_id = ?').run(into, table, from);
    return;
  }
  const fromClocks = clocksOf(from);
  const intoClocks = clocksOf(into);
  const isCustomer = table === 'customers';
  const winners: [string, unknown, FieldClock][] = [];
  for (const field of sharedColumns(db, table)) {
    const theirs = fromClocks.get(field);
    if (!theirs || theirs.changeId === skipChangeId) continue;
    const wins = replacesField({
      customerStatus: isCustomer && field === 'status',
      theirs,
      theirValue: fromRow[field],
      ours: intoClocks.get(field),
      ourValue: intoRow[field],
    });
    if (wins) winners.push([field, fromRow[field], theirs]);
  }
  if (winners.length > 0) {
    db.prepare(`UPDATE ${table} SET ${winners.map(([field]) => `"${field}" = ?`).join(', ')} WHERE ${key} = ?`).run(
      ...winners.map(([, value]) => value as never),
      into,
    );
    const setClock = db.prepare(`INSERT INTO team_field_clocks (entity, row_id, field, hlc, change_id, actor)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (entity, row_id, field) DO UPDATE SET hlc = excluded.hlc, change_id = excluded.change_id,
        actor = excluded.actor`);
    for (const [field, , clock] of winners) setClock.run(table, into, field, clock.hlc, clock.changeId, clock.actor);
  }
  db.prepare('DELETE FROM team_field_clocks WHERE entity = ? AND row_id = ?').run(table, from);
  if (!isCustomer) db.prepare(`DELETE FROM ${table} WHERE ${key} = ?`).run(from);
}

export function mergeCustomerInto(db: Database, merge: SameCustomerMerge, now: Date): void {
  const from = merge.from.id;
  const into = merge.into.id;
  foldRecord(db, 'customers', from, into, merge.from.changeId);
  foldRecord(db, 'gdap_relationships', from, into, null);

  db.prepare('UPDATE customer_events SET customer_id = ? WHERE customer_id = ?').run(into, from);
  for (const table of perCustomerTables) {
    db.prepare(`UPDATE OR IGNORE ${table} SET customer_id = ? WHERE customer_id = ?`).run(into, from);
    db.prepare(`DELETE FROM ${table} WHERE customer_id = ?`).run(from);
  }
  db.prepare(
    `UPDATE outbox SET payload = json_set(payload, '$.customerId', ?)
     WHERE status IN ('pending', 'running', 'failed') AND json_extract(payload, '$.customerId') = ?`,
  ).run(into, from);
  db.prepare('UPDATE team_customer_aliases SET canonical_id = ? WHERE canonical_id = ?').run(into, from);
  db.prepare('INSERT OR REPLACE INTO team_customer_aliases (alias_id, canonical_id) VALUES (?, ?)').run(from, into);
  db.prepare('DELETE FROM customers WHERE id = ?').run(from);

  // The dates derived from the history, now the union of both.
  db.prepare(
    `UPDATE customers SET
       link_sent_at = (SELECT max(at) FROM customer_events WHERE customer_id = @id AND type IN ${handOffTypes}),
       first_sent_at = (SELECT min(at) FROM customer_events WHERE customer_id = @id AND type IN ${handOffTypes}),
       first_authorized_at = (SELECT min(at) FROM customer_events
         WHERE customer_id = @id AND type = 'verification-passed'),
       first_checked_out_at = (SELECT min(at) FROM customer_events WHERE customer_id = @id AND type = 'checked-out')
     WHERE id = @id`,
  ).run({ id: into });
  db.prepare(
    `INSERT INTO customer_events (customer_id, type, at, actor, summary, data) VALUES (?, 'team-merged', ?, ?, ?, ?)`,
  ).run(
    into,
    now.toISOString(),
    merge.from.actor,
    mergedSummary(merge),
    JSON.stringify({ mergedId: from, teamKey: merge.teamKey }),
  );
}
