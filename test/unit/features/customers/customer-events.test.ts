// The history is append-only: the database itself refuses to change or remove an event.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../../main/platform/db/connection';
import { insertCustomer } from '../../../../main/features/customers/customers-repository';
import {
  appendEvent,
  lastEventIdForCustomer,
  listEventsForCustomer,
} from '../../../../main/features/customers/events-repository';
import { sampleCustomer } from '../../../support/sample-customer';

describe('customer events', () => {
  let db: Database;
  beforeEach(() => {
    db = openDatabase(':memory:');
    insertCustomer(db, sampleCustomer({ id: 'c1' }), 'tester');
  });

  it('lists events oldest first with their data', () => {
    appendEvent(db, {
      customerId: 'c1',
      type: 'created',
      at: '2026-01-01T10:00:00.000Z',
      actor: 'anna',
      summary: 'Customer created',
    });
    appendEvent(db, {
      customerId: 'c1',
      type: 'link-generated',
      at: '2026-01-01T10:01:00.000Z',
      actor: 'anna',
      summary: 'Authorization link generated',
      data: { mpnId: '4391507', nested: { dap: true } },
    });
    const events = listEventsForCustomer(db, 'c1');
    expect(events.map((event) => event.type)).toEqual(['created', 'link-generated']);
    expect(events[1]).toMatchObject({
      customerId: 'c1',
      actor: 'anna',
      data: { mpnId: '4391507', nested: { dap: true } },
    });
    expect(events[0]!.id).toBeLessThan(events[1]!.id);
  });

  it("knows each customer's newest event id, and 0 for a customer without history", () => {
    insertCustomer(db, sampleCustomer({ id: 'c2' }), 'tester');
    expect(lastEventIdForCustomer(db, 'c1')).toBe(0);
    const event = (customerId: string, type: 'created' | 'updated') =>
      appendEvent(db, { customerId, type, at: '2026-01-01T10:00:00.000Z', actor: 'anna', summary: type });
    event('c1', 'created');
    const newest = event('c1', 'updated');
    const other = event('c2', 'created');
    expect(lastEventIdForCustomer(db, 'c1')).toBe(newest.id);
    expect(lastEventIdForCustomer(db, 'c2')).toBe(other.id);
    expect(lastEventIdForCustomer(db, 'nobody')).toBe(0);
  });

  it('refuses updates and deletes', () => {
    appendEvent(db, {
      customerId: 'c1',
      type: 'created',
      at: '2026-01-01T10:00:00.000Z',
      actor: 'anna',
      summary: 'Customer created',
    });
    expect(() => db.prepare("UPDATE customer_events SET summary = 'rewritten'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM customer_events').run()).toThrow(/append-only/);
    expect(listEventsForCustomer(db, 'c1')[0]!.summary).toBe('Customer created');
  });

  it('refuses an event for a customer that does not exist', () => {
    expect(() =>
      appendEvent(db, {
        customerId: 'nobody',
        type: 'created',
        at: '2026-01-01T10:00:00.000Z',
        actor: 'anna',
        summary: 'x',
      }),
    ).toThrow(/FOREIGN KEY/);
  });
});
