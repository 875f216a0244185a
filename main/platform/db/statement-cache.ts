// Prepares a repository's statements once per database connection (compiling SQL on every call is wasted work),
// and forgets them when the connection is garbage-collected.
import type { Database } from 'better-sqlite3';

export function statementCache<Statements>(build: (db: Database) => Statements): (db: Database) => Statements {
  const cache = new WeakMap<Database, Statements>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) {
      statements = build(db);
      cache.set(db, statements);
    }
    return statements;
  };
}
