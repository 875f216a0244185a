// The queue workspace through the IPC contract against the real services and the simulator: a window of the
// queue, bulk owner/follow-up changes with progress events and history on ticked customers or a whole filter
// (less the rows unticked since), copying links (marks them sent), archiving that reports the customers it
// could not do, owner/follow-up/notes of one customer, and saved views.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultQueueFilter, defaultQueueSort } from '../../../../shared/domain/queue-query';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { startTestApp, type TestApp } from '../../../support/test-app';

let app: TestApp;
const ids: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  await call(app, 'savePartnerProfile', distributorProfile);
  for (const [index, name] of ['Adatum', 'Litware', 'Coho'].entries()) {
    const { detail } = await call(
      app,
      'createCustomer',
      indirectDetails({ companyName: `${name} Ltd`, domainPrefix: `${name.toLowerCase()}${index}` }),
    );
    ids.push(detail.customer.id);
  }
});
afterAll(() => app?.close());

const ticked = (...customerIds: string[]) => ({ kind: 'customers' as const, customerIds });

const progressOf = (operationId: string) =>
  app.pushed
    .filter((push) => push.event === 'operationProgress')
    .map((push) => push.payload as { operationId: string; done: number; total: number })
    .filter((payload) => payload.operationId === operationId);

describe('queue service', () => {
  it('answers a window of the queue with the total and the counts per status', async () => {
    const window = await call(app, 'queryQueue', {
      filter: defaultQueueFilter,
      sort: { column: 'company', direction: 'asc' },
      offset: 0,
      limit: 2,
    });
    expect(window.total).toBe(3);
    expect(window.rows.map((row) => row.companyName)).toEqual(['Adatum Ltd', 'Coho Ltd']);
    expect(window.counts['link-ready']).toBe(3);
  });

  it('changes owner and follow-up in bulk, with progress events and an event in each history', async () => {
    const summary = await call(app, 'changeCustomersTracking', {
      selection: ticked(...ids.slice(0, 2)),
      operationId: 'owners-1',
      change: { owner: 'ben', nextFollowUp: '2026-04-01' },
    });
    expect(summary).toEqual({ total: 2, notDoneCount: 0, notDone: [] });
    expect(progressOf('owners-1').map((progress) => progress.done)).toEqual([0, 1, 2]);
    expect(await call(app, 'getCustomerTracking', { customerId: ids[0] ?? '' })).toEqual({
      owner: 'ben',
      nextFollowUp: '2026-04-01',
      notes: '',
    });
    const { events } = await call(app, 'getCustomer', { customerId: ids[0] ?? '' });
    expect(events.at(-1)?.summary).toBe('Owner set to ben, follow-up set for 2026-04-01');
    const mine = await call(app, 'queryQueueIds', {
      filter: { ...defaultQueueFilter, owner: 'ben' },
      sort: defaultQueueSort,
      offset: 0,
      limit: 10,
    });
    expect(mine.sort()).toEqual(ids.slice(0, 2).sort());
    const all = await call(app, 'queryQueueIds', {
      filter: defaultQueueFilter,
      sort: defaultQueueSort,
      offset: 0,
      limit: 10,
    });
    expect(
      await call(app, 'queryQueueIds', { filter: defaultQueueFilter, sort: defaultQueueSort, offset: 1, limit: 2 }),
    ).toEqual(all.slice(1, 3));
  });

  it('changes every customer a filter matches, less the ones unticked, without the window listing them', async () => {
    const summary = await call(app, 'changeCustomersTracking', {
      selection: { kind: 'filter', filter: { ...defaultQueueFilter, search: 'Ltd' }, except: [ids[1] ?? ''] },
      operationId: 'owners-2',
      change: { nextFollowUp: '2026-05-01' },
    });
    expect(summary).toEqual({ total: 2, notDoneCount: 0, notDone: [] });
    const followUps = await Promise.all(
      ids.map(async (customerId) => (await call(app, 'getCustomerTracking', { customerId })).nextFollowUp),
    );
    expect(followUps).toEqual(['2026-05-01', '2026-04-01', '2026-05-01']);
  });

  it('gives the links to copy and records the hand-off, which marks the customers sent', async () => {
    const prepared = await call(app, 'prepareLinksCopy', {
      selection: { kind: 'filter', filter: defaultQueueFilter },
      operationId: 'copy-1',
    });
    expect(prepared).toMatchObject({ withLink: 3, withoutLinkCount: 0, withoutLink: [] });
    // With whom to send each to: the rows a user pastes into a message or a spreadsheet, tab-separated.
    const lines = prepared.text.split('\n').map((line) => line.split('\t'));
    expect(lines.map(([company]) => company).sort()).toEqual(['Adatum Ltd', 'Coho Ltd', 'Litware Ltd']);
    expect(lines.every(([, email, link]) => email?.includes('@') && link?.startsWith('https://'))).toBe(true);
    expect(await call(app, 'recordLinksCopied', { operationId: 'copy-1' })).toMatchObject({
      total: 3,
      notDoneCount: 0,
    });
    // Recorded once: the same copy cannot be recorded again.
    expect((await callError(app, 'recordLinksCopied', { operationId: 'copy-1' })).code).toBe('not-found');
    const window = await call(app, 'queryQueue', {
      filter: defaultQueueFilter,
      sort: defaultQueueSort,
      offset: 0,
      limit: 10,
    });
    expect(window.rows.every((row) => row.status === 'sent' && row.linkSentAt !== null)).toBe(true);
  });

  it('archives in bulk and reports a customer that cannot be archived instead of stopping', async () => {
    await call(app, 'archiveCustomers', { selection: ticked(ids[2] ?? ''), operationId: 'arch-0' });
    const summary = await call(app, 'archiveCustomers', {
      selection: ticked(ids[1] ?? '', ids[2] ?? '', 'no-such-customer'),
      operationId: 'arch-1',
    });
    expect(summary).toMatchObject({ total: 3, notDoneCount: 2 });
    expect(summary.notDone.map((item) => item.companyName)).toEqual(['Coho Ltd', 'no-such-customer']);
    expect(summary.notDone[0]?.message).toContain('archived');
    expect(progressOf('arch-1').at(-1)).toMatchObject({ done: 3, total: 3, failed: 2 });
    const { customer } = await call(app, 'getCustomer', { customerId: ids[1] ?? '' });
    expect(customer.status).toBe('archived');
  });

  it('keeps notes and refuses a follow-up that is no date, or changes to an archived customer', async () => {
    const customerId = ids[0] ?? '';
    await call(app, 'updateCustomerTracking', {
      customerId,
      tracking: { owner: 'anna', nextFollowUp: null, notes: 'Call after the board meeting' },
    });
    const found = await call(app, 'queryQueue', {
      filter: { ...defaultQueueFilter, search: 'board meeting' },
      sort: defaultQueueSort,
      offset: 0,
      limit: 10,
    });
    expect(found.rows.map((row) => row.id)).toEqual([customerId]);
    const invalid = await callError(app, 'updateCustomerTracking', {
      customerId,
      tracking: { owner: 'anna', nextFollowUp: '31/12/2026', notes: '' },
    });
    expect(invalid.code).toBe('invalid-request');
    const archived = await callError(app, 'updateCustomerTracking', {
      customerId: ids[2] ?? '',
      tracking: { owner: 'anna', nextFollowUp: null, notes: 'x' },
    });
    expect(archived.code).toBe('conflict');
  });

  it('saves, replaces and deletes a view, and protects the built-in ones', async () => {
    const query = { filter: { ...defaultQueueFilter, owner: 'ben' }, sort: defaultQueueSort };
    const saved = await call(app, 'saveView', { name: 'Ben’s', query });
    const replaced = await call(app, 'saveView', {
      name: 'Ben’s',
      query: { ...query, sort: { column: 'company', direction: 'asc' } },
    });
    expect(replaced.id).toBe(saved.id);
    const views = await call(app, 'listSavedViews', {});
    expect(views.find((view) => view.id === saved.id)?.query.sort.column).toBe('company');
    const builtIn = views.find((view) => view.builtIn);
    expect((await callError(app, 'saveView', { name: 'my pending', query })).code).toBe('conflict');
    expect((await callError(app, 'deleteSavedView', { id: builtIn?.id ?? 0 })).code).toBe('conflict');
    await call(app, 'deleteSavedView', { id: saved.id });
    expect((await call(app, 'listSavedViews', {})).some((view) => view.id === saved.id)).toBe(false);
  });
});
