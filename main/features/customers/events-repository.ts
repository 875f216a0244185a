// The customer history: appended inside the same transaction as the change it records, read oldest first.
// The table's triggers refuse updates and deletes, so what is written here stays as written.
import type { Database } from 'better-sqlite3';
import { customerEventSchema, type CustomerEvent, type CustomerEventType } from '../../../shared/domain/customer-event';
import { statementCache } from '../../platform/db/statement-cache';

interface EventRow {
  id: number;
  customer_id: string;
  type: string;
  at: string;
  actor: string;
  summary: string;
  data: string;
}

export interface NewCustomerEvent {
  customerId: string;
  type: CustomerEventType;
  at: string;
  actor: string;
  summary: string;
  data?: Record<string, unknown>;
}

const statements = statementCache((db) => ({
  append: db.prepare<Omit<EventRow, 'id'>, EventRow>(
    `INSERT INTO customer_events (customer_id, type, at, actor, summary, data)
     VALUES (@customer_id, @type, @at, @actor, @summary, @data) RETURNING *`,
  ),
  listForCustomer: db.prepare<{ customerId: string }, EventRow>(
    'SELECT * FROM customer_events WHERE customer_id = @customerId ORDER BY id',
  ),
  lastId: db.prepare<{ customerId: string }, { id: number | null }>(
    'SELECT max(id) AS id FROM customer_events WHERE customer_id = @customerId',
  ),
}));

const toEvent = (row: EventRow): CustomerEvent =>
  customerEventSchema.parse({
    id: row.id,
    customerId: row.customer_id,
    type: row.type,
    at: row.at,
    actor: row.actor,
    summary: row.summary,
    data: JSON.parse(row.data),
  });

export function appendEvent(db: Database, event: NewCustomerEvent): CustomerEvent {
  const row = statements(db).append.get({
    customer_id: event.customerId,
    type: event.type,
    at: event.at,
    actor: event.actor,
    summary: event.summary,
    data: JSON.stringify(event.data ?? {}),
  });
  if (!row) throw new Error('The event was not recorded.');
  return toEvent(row);
}

export function listEventsForCustomer(db: Database, customerId: string): CustomerEvent[] {
  return statements(db).listForCustomer.all({ customerId }).map(toEvent);
}

// The newest event's id (0 when there is none), read from the (customer_id, id) index, not the whole history.
export function lastEventIdForCustomer(db: Database, customerId: string): number {
  return statements(db).lastId.get({ customerId })?.id ?? 0;
}
