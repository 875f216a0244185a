// The queue workspace through the IPC contract against the real services and the simulator: a window of the
// queue, bulk owner/follow-up changes with progress events and history, copying links (marks them sent),
// archiving with a result per customer, owner/follow-up/notes of one customer, and saved views.
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
    const results = await call(app, 'changeCustomersTracking', {
      customerIds: ids.slice(0, 2),
      operationId: 'owners-1',
      change: { owner: 'ben', nextFollowUp: '2026-04-01' },
    });
    expect(results.map((result) => result.ok)).toEqual([true, true]);
    expect(progressOf('owners-1').map((progress) => progress.done)).toEqual([1, 2]);
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
    });
    expect(mine.sort()).toEqual(ids.slice(0, 2).sort());
    const all = await call(app, 'queryQueueIds', { filter: defaultQueueFilter, sort: defaultQueueSort });
    expect(
      await call(app, 'queryQueueIds', { filter: defaultQueueFilter, sort: defaultQueueSort, offset: 1, limit: 2 }),
    ).toEqual(all.slice(1, 3));
  });

  it('gives the links to copy and records the hand-off, which marks the customers sent', async () => {
    const links = await call(app, 'getAuthorizationLinks', { customerIds: ids });
    expect(links.every((entry) => entry.link?.startsWith('https://'))).toBe(true);
    // With whom to send each to: the rows a user pastes into a message or a spreadsheet.
    expect(links.every((entry) => entry.contactEmail.includes('@') && entry.companyName !== '')).toBe(true);
    await call(app, 'recordLinksCopied', { customerIds: ids, operationId: 'copy-1' });
    const window = await call(app, 'queryQueue', {
      filter: defaultQueueFilter,
      sort: defaultQueueSort,
      offset: 0,
      limit: 10,
    });
    expect(window.rows.every((row) => row.status === 'sent' && row.linkSentAt !== null)).toBe(true);
  });

  it('archives in bulk and reports a customer that cannot be archived instead of stopping', async () => {
    await call(app, 'archiveCustomers', { customerIds: [ids[2] ?? ''], operationId: 'arch-0' });
    const results = await call(app, 'archiveCustomers', {
      customerIds: [ids[1] ?? '', ids[2] ?? ''],
      operationId: 'arch-1',
    });
    expect(results[0]).toMatchObject({ ok: true, companyName: 'Litware Ltd' });
    expect(results[1]).toMatchObject({ ok: false, companyName: 'Coho Ltd' });
    expect(results[1]?.message).toContain('archived');
    expect(progressOf('arch-1').at(-1)).toMatchObject({ done: 2, total: 2 });
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
