// Saved views of the queue: a name and a query (filters and sort). Built-ins come from migration 003.
import type { Database } from 'better-sqlite3';
import { parseStoredViewQuery, type QueueViewQuery, type SavedView } from '../../../shared/domain/queue-query';
import { statementCache } from '../../platform/db/statement-cache';

interface SavedViewRow {
  id: number;
  name: string;
  query: string;
  built_in: number;
}

const statements = statementCache((db) => ({
  list: db.prepare<[], SavedViewRow>('SELECT id, name, query, built_in FROM saved_views ORDER BY built_in DESC, id'),
  get: db.prepare<{ id: number }, SavedViewRow>('SELECT id, name, query, built_in FROM saved_views WHERE id = @id'),
  byName: db.prepare<{ name: string }, SavedViewRow>(
    'SELECT id, name, query, built_in FROM saved_views WHERE name = @name COLLATE NOCASE',
  ),
  insert: db.prepare<{ name: string; query: string; created_at: string }, SavedViewRow>(
    `INSERT INTO saved_views (name, query, built_in, created_at) VALUES (@name, @query, 0, @created_at)
     RETURNING id, name, query, built_in`,
  ),
  update: db.prepare<{ id: number; query: string }>('UPDATE saved_views SET query = @query WHERE id = @id'),
  remove: db.prepare<{ id: number }>('DELETE FROM saved_views WHERE id = @id AND built_in = 0'),
}));

// Stored queries may predate a filter added later: parsing fills in the defaults.
const toView = (row: SavedViewRow): SavedView => ({
  id: row.id,
  name: row.name,
  builtIn: row.built_in === 1,
  query: parseStoredViewQuery(JSON.parse(row.query)),
});

export function listSavedViews(db: Database): SavedView[] {
  return statements(db).list.all().map(toView);
}

export function getSavedView(db: Database, id: number): SavedView | null {
  const row = statements(db).get.get({ id });
  return row ? toView(row) : null;
}

export function findSavedViewByName(db: Database, name: string): SavedView | null {
  const row = statements(db).byName.get({ name });
  return row ? toView(row) : null;
}

export function insertSavedView(db: Database, name: string, query: QueueViewQuery, at: string): SavedView {
  const row = statements(db).insert.get({ name, query: JSON.stringify(query), created_at: at });
  if (!row) throw new Error('The view was not saved.');
  return toView(row);
}

export function updateSavedViewQuery(db: Database, id: number, query: QueueViewQuery): void {
  statements(db).update.run({ id, query: JSON.stringify(query) });
}

export function deleteSavedView(db: Database, id: number): boolean {
  return statements(db).remove.run({ id }).changes === 1;
}
