// Saved views of the queue: a name and a query (filters and sort). Built-ins come from migration 003; views
// saved for the team carry a team id and travel to every member (migration 010), removed by a tombstone.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { parseStoredViewQuery, type QueueViewQuery, type SavedView } from '../../../shared/domain/queue-query';
import { statementCache } from '../../platform/db/statement-cache';

interface SavedViewRow {
  id: number;
  name: string;
  query: string;
  built_in: number;
  team_id: string | null;
  created_by: string | null;
}

const columns = 'id, name, query, built_in, team_id, created_by';
const statements = statementCache((db) => ({
  // Built-ins first, then personal views, then the team's, each in the order saved.
  list: db.prepare<[], SavedViewRow>(
    `SELECT ${columns} FROM saved_views WHERE deleted_at IS NULL
     ORDER BY built_in DESC, team_id IS NOT NULL, id`,
  ),
  get: db.prepare<{ id: number }, SavedViewRow>(
    `SELECT ${columns} FROM saved_views WHERE id = @id AND deleted_at IS NULL`,
  ),
  byName: db.prepare<{ name: string }, SavedViewRow>(
    `SELECT ${columns} FROM saved_views WHERE name = @name COLLATE NOCASE AND deleted_at IS NULL ORDER BY id`,
  ),
  insert: db.prepare<
    { name: string; query: string; created_at: string; team_id: string | null; created_by: string | null },
    SavedViewRow
  >(
    `INSERT INTO saved_views (name, query, built_in, created_at, team_id, created_by)
     VALUES (@name, @query, 0, @created_at, @team_id, @created_by)
     RETURNING ${columns}`,
  ),
  update: db.prepare<{ id: number; query: string }>('UPDATE saved_views SET query = @query WHERE id = @id'),
  remove: db.prepare<{ id: number }>('DELETE FROM saved_views WHERE id = @id AND built_in = 0 AND team_id IS NULL'),
  tombstone: db.prepare<{ id: number; at: string }>(
    'UPDATE saved_views SET deleted_at = @at WHERE id = @id AND team_id IS NOT NULL',
  ),
}));

// Stored queries may predate a filter added later: parsing fills in the defaults.
const toView = (row: SavedViewRow): SavedView => ({
  id: row.id,
  name: row.name,
  builtIn: row.built_in === 1,
  shared: row.team_id !== null,
  createdBy: row.created_by,
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

// sharedBy: who saves it for the team (null: a personal view).
export function insertSavedView(
  db: Database,
  name: string,
  query: QueueViewQuery,
  at: string,
  sharedBy: string | null = null,
): SavedView {
  const row = statements(db).insert.get({
    name,
    query: JSON.stringify(query),
    created_at: at,
    team_id: sharedBy === null ? null : randomUUID(),
    created_by: sharedBy,
  });
  if (!row) throw new Error('The view was not saved.');
  return toView(row);
}

export function updateSavedViewQuery(db: Database, id: number, query: QueueViewQuery): void {
  statements(db).update.run({ id, query: JSON.stringify(query) });
}

// A personal view goes; a shared one gets a tombstone, so it goes from every member's list.
export function deleteSavedView(db: Database, id: number, at: string): boolean {
  return statements(db).remove.run({ id }).changes === 1 || statements(db).tombstone.run({ id, at }).changes === 1;
}
