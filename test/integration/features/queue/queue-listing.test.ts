// The queue's listing queries against a real SQLite database: sort by every column, each filter, full-text
// search (notes included), counts per status, windows that page through without gaps or repeats, the filter as
// a condition for other SQL, and the link-sent/last-verified columns kept by migration 003.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../../main/platform/db/connection';
import { insertCustomer, updateCustomer } from '../../../../main/features/customers/customers-repository';
import { appendEvent } from '../../../../main/features/customers/events-repository';
import {
  countByStatus,
  queueCondition,
  queueFacets,
  queueIds,
  queueWindow,
} from '../../../../main/features/queue/queue-repository';
import { getTracking, setTracking } from '../../../../main/features/queue/tracking-repository';
import { listSavedViews } from '../../../../main/features/queue/saved-views-repository';
import type { CustomerStatus } from '../../../../shared/domain/customer-status';
import {
  defaultQueueFilter,
  queueSortColumns,
  type QueueFilter,
  type QueueSort,
} from '../../../../shared/domain/queue-query';
import { sampleCustomer } from '../../../support/sample-customer';

const now = new Date('2026-03-01T12:00:00.000Z');
const context = { currentUser: 'anna', now };
const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();

const seed: {
  id: string;
  company: string;
  status: CustomerStatus;
  owner: string;
  reseller: string | null;
  age: number;
}[] = [
  { id: 'adatum', company: 'Adatum Corporation', status: 'sent', owner: 'anna', reseller: 'Fabrikam', age: 20 },
  { id: 'litware', company: 'Litware Inc', status: 'needs-attention', owner: 'ben', reseller: 'Northwind', age: 3 },
  { id: 'coho', company: 'coho Winery', status: 'link-ready', owner: 'anna', reseller: null, age: 10 },
  { id: 'proseware', company: 'Proseware Ltd', status: 'checked-out', owner: 'ben', reseller: 'Fabrikam', age: 40 },
  { id: 'blue', company: 'Blue Yonder Airlines', status: 'archived', owner: 'anna', reseller: 'Fabrikam', age: 1 },
  { id: 'wide', company: 'Wide World Importers', status: 'authorized', owner: 'carla', reseller: 'Northwind', age: 5 },
];

const filter = (overrides: Partial<QueueFilter>): QueueFilter => ({ ...defaultQueueFilter, ...overrides });
const names = (db: Database, f: QueueFilter, sort: QueueSort) =>
  queueWindow(db, { filter: f, sort, offset: 0, limit: 100 }, context).rows.map((row) => row.id);

describe('queue listing queries', () => {
  let db: Database;
  beforeEach(() => {
    db = openDatabase(':memory:');
    for (const entry of seed) {
      insertCustomer(
        db,
        sampleCustomer({
          id: entry.id,
          companyName: entry.company,
          domainPrefix: entry.id,
          contactEmail: `it@${entry.id}.com`,
          status: entry.status,
          resellerName: entry.reseller,
          kind: entry.reseller === null ? 'direct' : 'indirect',
          createdAt: day(entry.age),
          updatedAt: day(entry.age),
        }),
        entry.owner,
      );
    }
  });

  it('sorts by company without regard to case, both ways, and by age', () => {
    const all = filter({ status: 'all' });
    expect(names(db, all, { column: 'company', direction: 'asc' })).toEqual([
      'adatum',
      'blue',
      'coho',
      'litware',
      'proseware',
      'wide',
    ]);
    expect(names(db, all, { column: 'company', direction: 'desc' })[0]).toBe('wide');
    // Age descending: the oldest first.
    expect(names(db, all, { column: 'age', direction: 'desc' })).toEqual([
      'proseware',
      'adatum',
      'coho',
      'wide',
      'litware',
      'blue',
    ]);
  });

  it('answers every sortable column, keeping customers without a value last', () => {
    setTracking(db, 'litware', { owner: 'ben', nextFollowUp: '2026-03-05', notes: '' }, day(0));
    setTracking(db, 'coho', { owner: 'anna', nextFollowUp: '2026-02-20', notes: '' }, day(0));
    for (const column of queueSortColumns) {
      for (const direction of ['asc', 'desc'] as const) {
        expect(names(db, filter({ status: 'all' }), { column, direction })).toHaveLength(6);
      }
    }
    const byFollowUp = names(db, filter({ status: 'all' }), { column: 'nextFollowUp', direction: 'desc' });
    expect(byFollowUp.slice(0, 2)).toEqual(['litware', 'coho']);
  });

  it('filters by status (open = neither checked out nor archived), reseller, owner (@me), age and idle time', () => {
    const sort: QueueSort = { column: 'company', direction: 'asc' };
    expect(names(db, filter({}), sort)).toEqual(['adatum', 'coho', 'litware', 'wide']);
    expect(names(db, filter({ status: 'sent' }), sort)).toEqual(['adatum']);
    expect(names(db, filter({ status: 'all', reseller: 'Fabrikam' }), sort)).toEqual(['adatum', 'blue', 'proseware']);
    expect(names(db, filter({ owner: '@me' }), sort)).toEqual(['adatum', 'coho']);
    expect(names(db, filter({ owner: 'carla' }), sort)).toEqual(['wide']);
    expect(names(db, filter({ minAgeDays: 7 }), sort)).toEqual(['adatum', 'coho']);
    expect(names(db, filter({ idleDays: 4 }), sort)).toEqual(['adatum', 'coho', 'wide']);
  });

  it('finds follow-ups due today or earlier', () => {
    setTracking(db, 'litware', { owner: 'ben', nextFollowUp: '2026-03-05', notes: '' }, day(0));
    setTracking(db, 'coho', { owner: 'anna', nextFollowUp: '2026-03-01', notes: '' }, day(0));
    const sort: QueueSort = { column: 'company', direction: 'asc' };
    expect(names(db, filter({ followUp: 'due' }), sort)).toEqual(['coho']);
    expect(names(db, filter({ followUp: 'none' }), sort)).toEqual(['adatum', 'wide']);
  });

  it('searches company, domain, contact and notes with prefixes, and counts per status under the other filters', () => {
    const sort: QueueSort = { column: 'company', direction: 'asc' };
    expect(names(db, filter({ search: 'wid' }), sort)).toEqual(['wide']);
    expect(names(db, filter({ search: 'it@coho' }), sort)).toEqual(['coho']);
    setTracking(db, 'adatum', { owner: 'anna', nextFollowUp: null, notes: 'Prefers a call on Tuesdays' }, day(0));
    expect(names(db, filter({ search: 'tuesd' }), sort)).toEqual(['adatum']);
    expect(names(db, filter({ search: '"unbalanced -' }), sort)).toEqual([]);
    const counts = countByStatus(db, filter({ reseller: 'Fabrikam' }), context);
    expect(counts).toMatchObject({ sent: 1, 'checked-out': 1, archived: 1, draft: 0, authorized: 0 });
  });

  it('gives the total of every status filter, with or without a search, as the ids it matches', () => {
    const sort: QueueSort = { column: 'company', direction: 'asc' };
    for (const status of ['open', 'all', 'sent', 'archived', 'draft'] as const) {
      for (const search of ['', 'wi']) {
        const each = filter({ status, search });
        const window = queueWindow(db, { filter: each, sort, offset: 0, limit: 1 }, context);
        expect(window.total).toBe(queueIds(db, each, sort, context).length);
      }
    }
  });

  it('gives, as a condition for other SQL (a count, an export), the customers its ids are', () => {
    setTracking(db, 'coho', { owner: 'anna', nextFollowUp: '2026-03-01', notes: 'Prefers a call on Tuesdays' }, day(0));
    const sort: QueueSort = { column: 'company', direction: 'asc' };
    const filters = [
      filter({}),
      filter({ status: 'all' }),
      filter({ status: 'sent' }),
      filter({ status: 'all', reseller: 'Fabrikam' }),
      filter({ owner: '@me', minAgeDays: 7 }),
      filter({ idleDays: 4, followUp: 'none' }),
      filter({ followUp: 'due' }),
      filter({ search: 'tuesd' }),
      filter({ search: 'wi', status: 'all' }),
      filter({ search: '"unbalanced -' }),
    ];
    for (const each of filters) {
      const condition = queueCondition(each, context);
      const matched = db
        .prepare(`SELECT c.id FROM customers c WHERE ${condition.sql} ORDER BY c.id`)
        .pluck()
        .all(condition.params);
      expect(matched).toEqual([...queueIds(db, each, sort, context)].sort());
    }
  });

  it('pages through a large queue in windows with no gap or repeat, and gives every matching id or a range of them', () => {
    db.transaction(() => {
      for (let i = 0; i < 1200; i++) {
        insertCustomer(
          db,
          sampleCustomer({
            id: `bulk-${i}`,
            companyName: `Bulk ${String(i % 97).padStart(2, '0')} Company`,
            domainPrefix: `bulk${i}`,
            status: 'sent',
            createdAt: day(i % 30),
          }),
          'anna',
        );
      }
    })();
    const sort: QueueSort = { column: 'company', direction: 'asc' };
    const seen: string[] = [];
    let total = 0;
    for (let offset = 0; offset < 1300; offset += 250) {
      const window = queueWindow(db, { filter: filter({}), sort, offset, limit: 250 }, context);
      total = window.total;
      expect(window.rows.length).toBeLessThanOrEqual(250);
      seen.push(...window.rows.map((row) => row.id));
    }
    expect(total).toBe(1204);
    expect(new Set(seen).size).toBe(1204);
    expect(queueIds(db, filter({}), sort, context)).toEqual(seen);
    // A shift-click range: only those rows' ids, in the table's order.
    expect(queueIds(db, filter({}), sort, context, { offset: 395, limit: 410 })).toEqual(seen.slice(395, 805));
  });

  it('gives the same rows whichever way a window is read: from the end past the middle, a common or a rare search', () => {
    db.transaction(() => {
      for (let i = 0; i < 300; i++) {
        insertCustomer(
          db,
          sampleCustomer({
            id: `many-${i}`,
            // "Common" matches one customer in three (read through an index), "Rare" one in 150 (looked up).
            companyName: `${i % 3 === 0 ? 'Common' : 'Plain'} ${i % 150 === 7 ? 'Rare ' : ''}${String(i % 41).padStart(2, '0')}`,
            domainPrefix: `many${i}`,
            status: (['sent', 'draft', 'archived', 'needs-attention'] as const)[i % 4],
            createdAt: day(i % 17),
          }),
          `owner${i % 5}`,
        );
      }
      // Some customers with a follow-up, some without: the nullable sorts keep the empty ones last.
      for (let i = 0; i < 300; i += 4)
        setTracking(db, `many-${i}`, { owner: 'anna', nextFollowUp: '2026-03-0' + ((i % 9) + 1), notes: '' }, day(0));
    })();
    let windows = 0;
    for (const search of ['', 'common', 'rare'])
      for (const column of queueSortColumns)
        for (const direction of ['asc', 'desc'] as const) {
          const f = filter({ search });
          const sort: QueueSort = { column, direction };
          // The ids in order, read in one go from the start: what every window must be a slice of.
          const ids = queueIds(db, f, sort, context);
          for (const limit of [7, 100]) {
            const seen: string[] = [];
            for (let offset = 0; offset < ids.length + limit; offset += limit) {
              const window = queueWindow(db, { filter: f, sort, offset, limit }, context);
              expect(window.total).toBe(ids.length);
              expect(window.offset).toBe(offset);
              expect(window.rows.map((row) => row.id)).toEqual(ids.slice(offset, offset + limit));
              seen.push(...window.rows.map((row) => row.id));
              windows++;
            }
            expect(seen).toEqual(ids);
          }
        }
    expect(windows).toBeGreaterThan(500);
  });

  it('keeps when the link was last handed over and when it was last verified', () => {
    appendEvent(db, { customerId: 'adatum', type: 'link-copied', at: day(2), actor: 'anna', summary: 'copied' });
    appendEvent(db, { customerId: 'adatum', type: 'created', at: day(1), actor: 'anna', summary: 'noise' });
    const customer = sampleCustomer({
      id: 'adatum',
      companyName: 'Adatum Corporation',
      domainPrefix: 'adatum',
      status: 'authorized',
      resellerName: 'Fabrikam',
      lastVerification: {
        outcome: 'authorized',
        defaultDomain: 'adatum.onmicrosoft.com',
        customerTenantId: null,
        checks: [],
        checkedAt: day(0),
      },
    });
    updateCustomer(db, customer);
    const row = queueWindow(
      db,
      { filter: filter({ search: 'adatum' }), sort: { column: 'company', direction: 'asc' }, offset: 0, limit: 5 },
      context,
    ).rows[0];
    expect(row).toMatchObject({ linkSentAt: day(2), lastVerifiedAt: day(0), defaultDomain: 'adatum.onmicrosoft.com' });
    expect(getTracking(db, 'adatum')).toEqual({ owner: 'anna', nextFollowUp: null, notes: '' });
  });

  it('lists resellers and owners for the filters, and ships the built-in saved views', () => {
    expect(queueFacets(db, 'anna')).toEqual({
      resellers: ['Fabrikam', 'Northwind'],
      owners: ['anna', 'ben', 'carla'],
      currentUser: 'anna',
    });
    const views = listSavedViews(db);
    expect(views.map((view) => view.name)).toEqual(['My pending', 'Stalled > 7 days', 'Follow-ups due']);
    expect(views[0]?.query.filter).toMatchObject({ owner: '@me', status: 'open', search: '' });
    expect(views[1]?.query.filter.idleDays).toBe(7);
  });

  it('refuses a follow-up that is not a calendar date', () => {
    expect(() => setTracking(db, 'adatum', { owner: 'anna', nextFollowUp: '2026-02-30', notes: '' }, day(0))).toThrow();
  });
});
