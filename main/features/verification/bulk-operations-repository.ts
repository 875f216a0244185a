// Bulk operations (verify many): one row per run, opened when it starts and closed with its counts.
import type { Database } from 'better-sqlite3';
import { statementCache } from '../../platform/db/statement-cache';

export interface BulkOperation {
  id: string;
  kind: string;
  actor: string;
  startedAt: string;
  finishedAt: string | null;
  total: number;
  done: number;
  failed: number;
}

interface BulkOperationRow {
  id: string;
  kind: string;
  actor: string;
  started_at: string;
  finished_at: string | null;
  total: number;
  done: number;
  failed: number;
}

const statements = statementCache((db) => ({
  start: db.prepare<{ id: string; kind: string; actor: string; startedAt: string; total: number }>(
    `INSERT INTO bulk_operations (id, kind, actor, started_at, total) VALUES (@id, @kind, @actor, @startedAt, @total)`,
  ),
  finish: db.prepare<{ id: string; finishedAt: string; done: number; failed: number }>(
    `UPDATE bulk_operations SET finished_at = @finishedAt, done = @done, failed = @failed WHERE id = @id`,
  ),
  get: db.prepare<{ id: string }, BulkOperationRow>('SELECT * FROM bulk_operations WHERE id = @id'),
}));

export function startBulkOperation(db: Database, operation: Omit<BulkOperation, 'finishedAt' | 'done' | 'failed'>) {
  statements(db).start.run(operation);
}

export function finishBulkOperation(
  db: Database,
  finish: { id: string; finishedAt: string; done: number; failed: number },
): void {
  statements(db).finish.run(finish);
}

export function getBulkOperation(db: Database, id: string): BulkOperation | null {
  const row = statements(db).get.get({ id });
  return row
    ? {
        id: row.id,
        kind: row.kind,
        actor: row.actor,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
        total: row.total,
        done: row.done,
        failed: row.failed,
      }
    : null;
}
