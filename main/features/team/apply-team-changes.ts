// Applies other desktops' changes to this desktop's SQLite: per field, the later clock stamp wins (the change
// id breaks a tie), so any order of arrival gives the same state on every desktop; checked out is terminal;
// history events are added once each; the same customer added on two desktops becomes one (same-customer.ts).
// A change of ours that lost to one made without seeing it gets a line in the customer's timeline. The cursor
// moves in the same transaction, so a crash applies a batch whole or not.
import type { Database, Statement } from 'better-sqlite3';
import {
  applyingRemoteChanges,
  changeClock,
  sharedColumns,
  teamEventTable,
  isTeamFieldTable,
  teamFieldTables,
  type TeamFieldTable,
} from '../../platform/db/change-capture';
import { parseStamp } from '../../platform/sync/hybrid-logical-clock';
import type { DownloadedChange } from './team-change';
import { conflictSummary } from './conflict-summary';
import { replacesField, type FieldClock } from './field-clock';
import { mergeCustomerInto } from './merge-customers';
import { isCreation, sameCustomerRegistry } from './same-customer';

export interface AppliedChanges {
  customerIds: Set<string>;
  // Customers already here whose status became authorized with these changes (another desktop verified them).
  authorizedIds: Set<string>;
  // A saved view the team shares was added, changed or removed.
  savedViewsChanged: boolean;
  cursor: number;
}

// The shared records keyed by a customer's id (the others: saved views, resellers, cached links).
const ofCustomer = (table: TeamFieldTable) => table === 'customers' || table === 'gdap_relationships';

// Fields every write touches: merged like the others, but a lost value there is no news to the user.
const bookkeepingFields = new Set(['updated_at', 'created_at']);

export function applyTeamChanges(db: Database, changes: readonly DownloadedChange[], now: Date): AppliedChanges {
  const deviceId = (db.prepare('SELECT device_id AS id FROM team_state WHERE id = 1').get() as { id: string }).id;
  const tables = Object.keys(teamFieldTables) as TeamFieldTable[];
  const columnsOf = new Map(tables.map((table) => [table, new Set(sharedColumns(db, table))]));
  const rowOf = new Map(
    tables.map((table) => [table, db.prepare(`SELECT * FROM ${table} WHERE ${teamFieldTables[table].key} = ?`)]),
  );
  const clockOf = db.prepare(
    'SELECT hlc, change_id AS changeId, actor FROM team_field_clocks WHERE entity = ? AND row_id = ? AND field = ?',
  );
  const setClock = db.prepare(`INSERT INTO team_field_clocks (entity, row_id, field, hlc, change_id, actor)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (entity, row_id, field) DO UPDATE SET hlc = excluded.hlc, change_id = excluded.change_id,
      actor = excluded.actor`);
  const eventSeen = db.prepare('SELECT 1 FROM team_event_origins WHERE origin = ?');
  const customerExists = db.prepare('SELECT 1 FROM customers WHERE id = ?');
  const addEvent = db.prepare(`INSERT INTO customer_events (customer_id, type, at, actor, summary, data)
    VALUES (@customer_id, @type, @at, @actor, @summary, @data)`);
  const addOrigin = db.prepare('INSERT INTO team_event_origins (origin, event_id) VALUES (?, ?)');
  // The same few field sets come again and again (an edit of notes, a status change): prepare each once.
  const prepared = new Map<string, Statement>();
  const statement = (sql: string): Statement => {
    let found = prepared.get(sql);
    if (!found) {
      found = db.prepare(sql);
      prepared.set(sql, found);
    }
    return found;
  };
  const sameCustomer = sameCustomerRegistry(db);
  const moveCursor = db.prepare('UPDATE team_state SET cursor = max(cursor, ?), last_synced_at = ? WHERE id = 1');

  // A record of a shared table (a customer, a customer's GDAP relationship): per field, the later clock wins.
  const applyFields = (table: TeamFieldTable, change: DownloadedChange, applied: AppliedChanges) => {
    const columns = columnsOf.get(table) as Set<string>;
    const isCustomer = table === 'customers';
    const current = (rowOf.get(table) as Statement).get(change.rowId) as Record<string, unknown> | undefined;
    const winners: Record<string, unknown> = {};
    const lostOfOurs: { field: string; ours: FieldClock }[] = [];
    for (const [field, value] of Object.entries(change.fields)) {
      if (!columns.has(field)) continue;
      const clock = clockOf.get(table, change.rowId, field) as FieldClock | undefined;
      const wins = replacesField({
        customerStatus: isCustomer && field === 'status',
        theirs: { hlc: change.hlc, changeId: change.id },
        theirValue: value,
        ours: clock,
        ourValue: current?.[field],
      });
      if (!wins) continue;
      winners[field] = value;
      setClock.run(table, change.rowId, field, change.hlc, change.id, change.actor);
      // Ours, replaced by a change whose author had not seen it (its base is not our stamp).
      if (
        isCustomer &&
        clock &&
        current &&
        !bookkeepingFields.has(field) &&
        parseStamp(clock.hlc).deviceId === deviceId &&
        change.bases[field] !== clock.hlc &&
        current[field] !== value
      ) {
        lostOfOurs.push({ field, ours: clock });
      }
    }
    const fields = Object.keys(winners);
    if (fields.length === 0) return;
    const quoted = fields.map((field) => `"${field}"`);
    const values = fields.map((field) => winners[field] as never);
    const key = teamFieldTables[table].key;
    if (current) {
      statement(`UPDATE ${table} SET ${quoted.map((name) => `${name} = ?`).join(', ')} WHERE ${key} = ?`).run(
        ...values,
        change.rowId,
      );
    } else {
      statement(
        `INSERT INTO ${table} (${key}, ${quoted.join(', ')}) VALUES (?, ${fields.map(() => '?').join(', ')})`,
      ).run(change.rowId, ...values);
    }
    for (const { field, ours } of lostOfOurs) {
      addEvent.run({
        customer_id: change.rowId,
        type: 'team-conflict',
        at: now.toISOString(),
        actor: change.actor,
        summary: conflictSummary({ field, theirs: change, ours }),
        data: JSON.stringify({ field, theirs: { hlc: change.hlc, actor: change.actor }, ours: ours.hlc }),
      });
    }
    if (table === 'saved_views') applied.savedViewsChanged = true;
    else if (ofCustomer(table)) applied.customerIds.add(change.rowId);
    if (isCustomer && current && winners.status === 'authorized' && current.status !== 'authorized') {
      applied.authorizedIds.add(change.rowId);
    }
  };

  const applyEvent = (change: DownloadedChange, applied: AppliedChanges) => {
    if (eventSeen.get(change.rowId)) return;
    const event = change.fields as Record<string, unknown>;
    const customerId = sameCustomer.resolve(String(event.customer_id));
    // The customer reaches PostgreSQL before its history (one desktop uploads in order), so it is here.
    if (!customerExists.get(customerId)) {
      throw new Error(`A history event arrived before its customer ${customerId}.`);
    }
    const { lastInsertRowid } = addEvent.run({
      customer_id: customerId,
      type: String(event.type),
      at: String(event.at),
      actor: String(event.actor),
      summary: String(event.summary),
      data: typeof event.data === 'string' ? event.data : JSON.stringify(event.data ?? {}),
    });
    addOrigin.run(change.rowId, lastInsertRowid);
    applied.customerIds.add(customerId);
  };

  const clock = changeClock(db);
  const apply = db.transaction((): AppliedChanges => {
    const applied: AppliedChanges = {
      customerIds: new Set(),
      authorizedIds: new Set(),
      savedViewsChanged: false,
      cursor: 0,
    };
    for (const change of changes) {
      applied.cursor = Math.max(applied.cursor, change.seq);
      clock.receive(change.hlc);
      // Our own changes are in this database already; their creations still count for the same-customer rule.
      const ours = change.deviceId === deviceId;
      if (isTeamFieldTable(change.entity)) {
        // Customers and their GDAP relationship are keyed by a customer id, which may have been merged away.
        const rowId = ofCustomer(change.entity) ? sameCustomer.resolve(change.rowId) : change.rowId;
        if (!ours) applyFields(change.entity, { ...change, rowId }, applied);
        const merge = isCreation(change) ? sameCustomer.registerCreation(change) : null;
        if (merge) {
          mergeCustomerInto(db, merge, now);
          applied.customerIds.add(merge.from.id).add(merge.into.id);
        }
      } else if (change.entity === teamEventTable && !ours) {
        applyEvent(change, applied);
      }
    }
    moveCursor.run(applied.cursor, now.toISOString());
    return applied;
  });
  return applyingRemoteChanges(db, apply);
}
