// Every row of every table (FTS shadow tables included) plus the schema version, as one string: two equal dumps
// mean nothing in the database changed.
import type { Database } from 'better-sqlite3';

export function dumpDatabase(db: Database): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const dump: Record<string, unknown> = { user_version: db.pragma('user_version', { simple: true }) };
  for (const { name } of tables) {
    // customers_fts itself is virtual: its content is what its shadow tables hold, dumped on their own.
    if (name === 'customers_fts') continue;
    dump[name] = db
      .prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`)
      .raw()
      .all()
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return JSON.stringify(dump, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value));
}
