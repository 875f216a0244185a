// A bulk action over a whole filter of a thousand customers: main resolves the filter itself, the answer
// lists at most the first bulkNotDoneShownLimit customers it could not do (with the full count), and the
// window gets a bounded number of progress events, not one per customer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkNotDoneShownLimit } from '../../../../shared/domain/bulk-summary';
import { defaultQueueFilter } from '../../../../shared/domain/queue-query';
import { call } from '../../../support/ipc-call';
import { seedHistory } from '../../../support/seed-history';
import { startTestApp, type TestApp } from '../../../support/test-app';

const customerCount = 1_000;
let app: TestApp;
let ids: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  ids = seedHistory(app.services.db, customerCount, 0);
});
afterAll(() => app?.close());

const progressOf = (operationId: string) =>
  app.pushed
    .filter((push) => push.event === 'operationProgress')
    .map((push) => push.payload as { operationId: string; done: number; total: number; failed: number })
    .filter((payload) => payload.operationId === operationId);

describe('bulk actions at scale', () => {
  const everyone = { kind: 'filter' as const, filter: { ...defaultQueueFilter, status: 'all' as const } };

  it('archives a whole filter less one, with bounded progress', async () => {
    const summary = await call(app, 'archiveCustomers', {
      selection: { ...everyone, except: [ids[0] ?? ''] },
      operationId: 'archive-all',
    });
    expect(summary).toEqual({ total: customerCount - 1, notDoneCount: 0, notDone: [] });
    const progress = progressOf('archive-all');
    expect(progress.length).toBeLessThanOrEqual(202);
    expect(progress.at(0)).toMatchObject({ done: 0, total: customerCount - 1 });
    expect(progress.at(-1)).toMatchObject({ done: customerCount - 1, total: customerCount - 1, failed: 0 });
    const archived = app.services.db
      .prepare(`SELECT count(*) FROM customers WHERE status = 'archived'`)
      .pluck()
      .get() as number;
    expect(archived).toBe(customerCount - 1);
    const { customer } = await call(app, 'getCustomer', { customerId: ids[0] ?? '' });
    expect(customer.status).toBe('sent');
  });

  it('answers with the count of those it could not do and only the first of them by name', async () => {
    const summary = await call(app, 'archiveCustomers', {
      selection: { ...everyone, except: [ids[0] ?? ''] },
      operationId: 'archive-again',
    });
    expect(summary.total).toBe(customerCount - 1);
    expect(summary.notDoneCount).toBe(customerCount - 1);
    expect(summary.notDone).toHaveLength(bulkNotDoneShownLimit);
    expect(summary.notDone.every((item) => item.message.includes('archived'))).toBe(true);
    expect(progressOf('archive-again').at(-1)).toMatchObject({ done: customerCount - 1, failed: customerCount - 1 });
  });

  it('copies the links of a whole filter as one text, recording exactly those customers', async () => {
    const prepared = await call(app, 'prepareLinksCopy', {
      selection: { kind: 'filter', filter: defaultQueueFilter },
      operationId: 'copy-all',
    });
    // Only the one customer not archived is in the open queue.
    expect(prepared.withLink).toBe(1);
    expect(prepared.text.split('\n')).toHaveLength(1);
    expect(await call(app, 'recordLinksCopied', { operationId: 'copy-all' })).toEqual({
      total: 1,
      notDoneCount: 0,
      notDone: [],
    });
  });
});
