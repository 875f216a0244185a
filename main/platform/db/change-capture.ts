// Change capture for the team workspace: SQLite triggers that record, in the transaction of every write, the
// change the team should see (team_outbox) and the clock of each field written (team_field_clocks). They exist
// only while the desktop is in a team. Every connection gets the SQL functions they call (openDatabase installs
// them), so a write from the app, the CLI or a script is captured the same way and none is lost.
import os from 'node:os';
import type { Database } from 'better-sqlite3';
import { createHybridLogicalClock, type HybridLogicalClock } from '../sync/hybrid-logical-clock';

// The tables the team shares. Fields: one row per record, merged field by field (the later clock wins).
// Events: append-only history, the union of every desktop's.
// Local-only: the key (it travels as the change's row id), the row's local sequence, and the dates each
// desktop derives from the merged history itself. A customer's GDAP relationship is shared like its fields;
// of the saved views, only those saved for the team (shared: the SQL condition on a row that says so).
interface FieldTable {
  key: string;
  localOnly: readonly string[];
  shared?: (row: string) => string;
}
export const teamFieldTables = {
  customers: {
    key: 'id',
    localOnly: ['seq', 'id', 'link_sent_at', 'first_sent_at', 'first_authorized_at', 'first_checked_out_at'],
  },
  gdap_relationships: { key: 'customer_id', localOnly: ['customer_id'] },
  saved_views: { key: 'team_id', localOnly: ['id', 'team_id'], shared: (row) => `${row}.team_id IS NOT NULL` },
  // Reference data fetched from Partner Center once for the whole team.
  resellers: { key: 'tenant_id', localOnly: ['tenant_id'] },
  relationship_link_cache: { key: 'cache_key', localOnly: ['cache_key'] },
} as const satisfies Record<string, FieldTable>;
export type TeamFieldTable = keyof typeof teamFieldTables;
// The SQL condition for a row of the table to be the team's ("1" when every row is).
export const sharedRowSql = (table: TeamFieldTable, row: string): string =>
  (teamFieldTables[table] as FieldTable).shared?.(row) ?? '1';
export const isTeamFieldTable = (entity: string): entity is TeamFieldTable => Object.hasOwn(teamFieldTables, entity);
export const teamEventTable = 'customer_events';
export type TeamEntity = keyof typeof teamFieldTables | typeof teamEventTable;

interface CaptureState {
  deviceId: string | null;
  clock: HybridLogicalClock | null;
  actor: string;
  applyingRemote: boolean;
}

const states = new WeakMap<Database, CaptureState>();

function stateOf(db: Database): CaptureState {
  let state = states.get(db);
  if (!state) {
    state = { deviceId: null, clock: null, actor: os.userInfo().username, applyingRemote: false };
    states.set(db, state);
  }
  return state;
}

function noTeam(): never {
  throw new Error('A team change was captured before this desktop had a device id.');
}

// Registers the functions the triggers call, and loads this desktop's id and latest clock.
export function installChangeCapture(db: Database): void {
  const state = stateOf(db);
  db.function('team_capture', { deterministic: false }, () => (state.applyingRemote ? 0 : 1));
  db.function('team_hlc', { deterministic: false }, () => (state.clock ?? noTeam()).now());
  db.function('team_device', { deterministic: false }, () => state.deviceId ?? noTeam());
  db.function('team_actor', { deterministic: false }, () => state.actor);
  reloadChangeCapture(db);
  // The triggers name the shared columns: recreate them, so a migration since the desktop joined is covered.
  if (captureEnabled(db)) db.transaction(() => enableCapture(db))();
}

// After joining or leaving: this desktop's id (team_state) and a clock past every stamp it holds.
export function reloadChangeCapture(db: Database): void {
  const state = stateOf(db);
  const row = db.prepare('SELECT device_id AS deviceId FROM team_state WHERE id = 1').get() as
    { deviceId: string } | undefined;
  state.deviceId = row?.deviceId ?? null;
  if (state.deviceId === null) {
    state.clock = null;
    return;
  }
  const latest = db.prepare('SELECT max(hlc) AS hlc FROM team_field_clocks').get() as { hlc: string | null };
  state.clock = createHybridLogicalClock(state.deviceId, Date.now, latest.hlc);
}

// Who the captured changes are by (the app's signed-in user or OS user).
export function setChangeActor(db: Database, actor: string): void {
  stateOf(db).actor = actor;
}

export function changeClock(db: Database): HybridLogicalClock {
  return stateOf(db).clock ?? noTeam();
}

// Runs the application of other desktops' changes: nothing it writes is captured again.
export function applyingRemoteChanges<T>(db: Database, apply: () => T): T {
  const state = stateOf(db);
  state.applyingRemote = true;
  try {
    return apply();
  } finally {
    state.applyingRemote = false;
  }
}

// The columns of a shared table that travel: stored ones, without the local-only ones.
export function sharedColumns(db: Database, table: keyof typeof teamFieldTables): string[] {
  const localOnly: readonly string[] = teamFieldTables[table].localOnly;
  const columns = db.prepare(`SELECT name, hidden FROM pragma_table_xinfo(?)`).all(table) as {
    name: string;
    hidden: number;
  }[];
  // hidden 2 and 3 are generated columns: derived on every desktop, never sent.
  return columns.filter((column) => column.hidden === 0 && !localOnly.includes(column.name)).map((c) => c.name);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

// The JSON object of a row's shared columns, as SQL over NEW (or a table alias).
export function rowObjectSql(columns: readonly string[], alias: string): string {
  return `json_object(${columns.map((column) => `${literal(column)}, ${alias}.${quote(column)}`).join(', ')})`;
}

// A new record's bases say how much of the team its author had seen (the download cursor), so every desktop
// can tell a second copy of a customer its author never saw from one added knowingly (same-customer.ts).
export const creationCursorBase = '@cursor';
const creationBasesSql = `json_object('${creationCursorBase}', CAST((SELECT cursor FROM team_state WHERE id = 1) AS TEXT))`;

function clocksOfLastChangeSql(): string {
  return `INSERT INTO team_field_clocks (entity, row_id, field, hlc, change_id, actor)
    SELECT o.entity, o.row_id, j.key, o.hlc, o.id, o.actor FROM team_outbox o, json_each(o.fields) j
    WHERE o.seq = last_insert_rowid()
    ON CONFLICT (entity, row_id, field) DO UPDATE
      SET hlc = excluded.hlc, change_id = excluded.change_id, actor = excluded.actor;`;
}

function triggersSql(db: Database): string[] {
  const statements: string[] = [];
  for (const table of Object.keys(teamFieldTables) as (keyof typeof teamFieldTables)[]) {
    const key = teamFieldTables[table].key;
    const columns = sharedColumns(db, table);
    statements.push(`CREATE TRIGGER team_capture_${table}_insert AFTER INSERT ON ${table}
WHEN team_capture() AND ${sharedRowSql(table, 'NEW')}
BEGIN
  INSERT INTO team_outbox (id, entity, row_id, fields, bases, hlc, actor)
  VALUES (lower(hex(randomblob(16))), ${literal(table)}, NEW.${key}, ${rowObjectSql(columns, 'NEW')},
    ${creationBasesSql}, team_hlc(), team_actor());
  ${clocksOfLastChangeSql()}
END;`);
    const changed = columns
      .map(
        (column) => `SELECT ${literal(column)} AS field, NEW.${quote(column)} AS value
        WHERE NEW.${quote(column)} IS NOT OLD.${quote(column)}`,
      )
      .join(' UNION ALL ');
    const anyChanged = columns.map((column) => `NEW.${quote(column)} IS NOT OLD.${quote(column)}`).join(' OR ');
    statements.push(`CREATE TRIGGER team_capture_${table}_update AFTER UPDATE ON ${table}
WHEN team_capture() AND ${sharedRowSql(table, 'NEW')} AND (${anyChanged})
BEGIN
  INSERT INTO team_outbox (id, entity, row_id, fields, bases, hlc, actor)
  SELECT lower(hex(randomblob(16))), ${literal(table)}, NEW.${key}, json_group_object(c.field, c.value),
    json_group_object(c.field, coalesce(k.hlc, '')), team_hlc(), team_actor()
  FROM (${changed}) c
  LEFT JOIN team_field_clocks k ON k.entity = ${literal(table)} AND k.row_id = NEW.${key} AND k.field = c.field;
  ${clocksOfLastChangeSql()}
END;`);
    statements.push(`CREATE TRIGGER team_capture_${table}_delete BEFORE DELETE ON ${table}
WHEN team_capture() AND ${sharedRowSql(table, 'OLD')}
BEGIN
  SELECT RAISE(ABORT, 'a record the team shares is archived, never deleted');
END;`);
  }
  statements.push(`CREATE TRIGGER team_capture_${teamEventTable} AFTER INSERT ON ${teamEventTable} WHEN team_capture()
BEGIN
  INSERT INTO team_outbox (id, entity, row_id, fields, bases, hlc, actor)
  VALUES (lower(hex(randomblob(16))), ${literal(teamEventTable)}, team_device() || ':' || NEW.id,
    json_object('customer_id', NEW.customer_id, 'type', NEW.type, 'at', NEW.at, 'actor', NEW.actor,
      'summary', NEW.summary, 'data', NEW.data), '{}', team_hlc(), NEW.actor);
END;`);
  return statements;
}

const triggerNames = (db: Database): string[] =>
  (
    db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'team\\_capture\\_%' ESCAPE '\\'`)
      .all() as {
      name: string;
    }[]
  ).map((row) => row.name);

export function captureEnabled(db: Database): boolean {
  return triggerNames(db).length > 0;
}

// Creates the triggers (again, so a schema change since is covered); inside the caller's transaction.
export function enableCapture(db: Database): void {
  disableCapture(db);
  for (const statement of triggersSql(db)) db.exec(statement);
}

export function disableCapture(db: Database): void {
  for (const name of triggerNames(db)) db.exec(`DROP TRIGGER ${quote(name)}`);
}
