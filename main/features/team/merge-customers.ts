// Folds one customer record into another that is the same customer: each field takes the later of the two
// clocks (checked out stays checked out), exactly as if every change of both had been made to one record,
// except the merged-away record's creation: the values it was added with give way to the customer's; the
// history, the reminder schedule, the background checks, GDAP and the waiting Partner Center calls move over;
// the merged-away record goes and its id becomes an alias. A timeline line says what happened.
import type { Database } from 'better-sqlite3';
import { sharedColumns } from '../../platform/db/change-capture';
import { parseStamp } from '../../platform/sync/hybrid-logical-clock';
import { isLater, type FieldClock } from './field-clock';
import type { SameCustomerMerge } from './same-customer';

const terminalStatus = 'checked-out';
const handOffTypes = `('link-copied', 'instructions-copied', 'mail-client-opened', 'email-sent')`;
// The local tables keyed by customer: the record that remains keeps its own row, else takes the other's.
const perCustomerTables = ['customer_reminders', 'background_verification', 'gdap_relationships'] as const;

const hourMinute = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const timeOf = (stamp: string) => hourMinute.format(new Date(parseStamp(stamp).ms));

export function mergedSummary(merge: SameCustomerMerge): string {
  return `Added twice before either desktop had seen the other: by ${merge.into.actor} at ${timeOf(merge.into.hlc)} and by ${merge.from.actor} at ${timeOf(merge.from.hlc)} (${merge.teamKey}); now one customer with both histories`;
}

export function mergeCustomerInto(db: Database, merge: SameCustomerMerge, now: Date): void {
  const from = merge.from.id;
  const into = merge.into.id;
  const clocksOf = (id: string) =>
    new Map(
      (
        db
          .prepare(
            `SELECT field, hlc, change_id AS changeId, actor FROM team_field_clocks
             WHERE entity = 'customers' AND row_id = ?`,
          )
          .all(id) as (FieldClock & { field: string })[]
      ).map((clock) => [clock.field, clock]),
    );
  const rowOf = (id: string) => db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as Record<string, unknown>;
  const fromRow = rowOf(from);
  const intoRow = rowOf(into);
  const fromClocks = clocksOf(from);
  const intoClocks = clocksOf(into);

  const winners: [string, unknown, FieldClock][] = [];
  for (const field of sharedColumns(db, 'customers')) {
    const theirs = fromClocks.get(field);
    if (!theirs || theirs.changeId === merge.from.changeId) continue;
    if (field === 'status' && intoRow.status === terminalStatus) continue;
    const ours = intoClocks.get(field);
    const wins = !ours || isLater(theirs, ours) || (field === 'status' && fromRow.status === terminalStatus);
    if (wins) winners.push([field, fromRow[field], theirs]);
  }
  if (winners.length > 0) {
    db.prepare(`UPDATE customers SET ${winners.map(([field]) => `"${field}" = ?`).join(', ')} WHERE id = ?`).run(
      ...winners.map(([, value]) => value as never),
      into,
    );
    const setClock = db.prepare(`INSERT INTO team_field_clocks (entity, row_id, field, hlc, change_id, actor)
      VALUES ('customers', ?, ?, ?, ?, ?)
      ON CONFLICT (entity, row_id, field) DO UPDATE SET hlc = excluded.hlc, change_id = excluded.change_id,
        actor = excluded.actor`);
    for (const [field, , clock] of winners) setClock.run(into, field, clock.hlc, clock.changeId, clock.actor);
  }

  db.prepare('UPDATE customer_events SET customer_id = ? WHERE customer_id = ?').run(into, from);
  for (const table of perCustomerTables) {
    db.prepare(`UPDATE OR IGNORE ${table} SET customer_id = ? WHERE customer_id = ?`).run(into, from);
    db.prepare(`DELETE FROM ${table} WHERE customer_id = ?`).run(from);
  }
  db.prepare(
    `UPDATE outbox SET payload = json_set(payload, '$.customerId', ?)
     WHERE status IN ('pending', 'running', 'failed') AND json_extract(payload, '$.customerId') = ?`,
  ).run(into, from);
  db.prepare("DELETE FROM team_field_clocks WHERE entity = 'customers' AND row_id = ?").run(from);
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
