// The GDAP Graph client's contract, over real HTTP against the simulator: create, lock, get, list with
// paging, terminate, a duplicate display name, invalid input, every status, and retries on throttling.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphClient, type GraphClient } from '../../../../main/microsoft/graph/graph-client';
import { GraphError } from '../../../../main/microsoft/graph/graph-error';
import { gdapStatuses } from '../../../../shared/domain/gdap-graph-limits';
import { invitationLink, type NewRelationship } from '../../../../main/microsoft/graph/graph-types';
import { simulatorTokenProvider } from '../../../../main/microsoft/sign-in/simulator-token-client';
import { startSimulator, type Simulator } from '../../../../sandbox/start-simulator';

const relationshipId = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;
const directoryReaders = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
const helpdeskAdministrator = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

let simulator: Simulator;
let client: GraphClient;
let sleeps: number[];

beforeAll(async () => {
  simulator = await startSimulator();
});
afterAll(async () => {
  await simulator.stop();
});
beforeEach(async () => {
  await simulator.control.reset();
  await simulator.control.gdapReset();
  sleeps = [];
  client = createGraphClient({
    baseUrl: `${simulator.url}/v1.0`,
    getAccessToken: simulatorTokenProvider({ simulatorUrl: simulator.url, tenantId: simulator.state.partner.tenantId }),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  });
});

function request(displayName: string, overrides: Partial<NewRelationship> = {}): NewRelationship {
  return {
    displayName,
    duration: 'P730D',
    roleDefinitionIds: [directoryReaders, helpdeskAdministrator],
    customer: { tenantId: '3c2f7a1e-0000-4000-8000-000000000001', displayName: 'Contoso' },
    ...overrides,
  };
}

async function status(id: string): Promise<string> {
  return (await client.getRelationship(id)).status;
}

describe('GDAP Graph client against the simulator', () => {
  it('creates a relationship (201, {guid}-{guid}) and reads it back', async () => {
    const created = await client.createRelationship(request('Contoso GDAP', { autoExtendDuration: 'P180D' }));
    expect(created.id).toMatch(relationshipId);
    expect(created.status).toBe('created');
    expect(created['@odata.etag']).toBeTruthy();
    expect(created.createdDateTime).toBeTruthy();
    const read = await client.getRelationship(created.id);
    expect(read).toMatchObject({
      displayName: 'Contoso GDAP',
      duration: 'P730D',
      autoExtendDuration: 'P180D',
      customer: { displayName: 'Contoso' },
      accessDetails: {
        unifiedRoles: [{ roleDefinitionId: directoryReaders }, { roleDefinitionId: helpdeskAdministrator }],
      },
    });
    expect(invitationLink(created.id)).toBe(
      `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${created.id}`,
    );
  });

  it('locks for approval, then the customer approves: active with activated and end dates', async () => {
    const created = await client.createRelationship(request('Lock me'));
    const locked = await client.lockForApproval(created.id);
    expect(locked.action).toBe('lockForApproval');
    expect(await status(created.id)).toBe('approvalPending');
    // A second lock is refused: only "created" can be locked.
    await expect(client.lockForApproval(created.id)).rejects.toMatchObject({ status: 400 });
    await simulator.control.gdapApprove(created.id);
    const active = await client.getRelationship(created.id);
    expect(active.status).toBe('active');
    const days = (Date.parse(active.endDateTime ?? '') - Date.parse(active.activatedDateTime ?? '')) / 86_400_000;
    expect(days).toBe(730);
  });

  it('refuses a duplicate display name with a 409 and a readable message', async () => {
    await client.createRelationship(request('Fabrikam GDAP'));
    const error = await client.createRelationship(request('fabrikam gdap')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).status).toBe(409);
    expect((error as GraphError).isConflict).toBe(true);
    expect((error as GraphError).message).toMatch(/already exists/);
  });

  it('refuses a name over 50 characters and durations outside P1D..P2Y', async () => {
    await expect(client.createRelationship(request('x'.repeat(51)))).rejects.toMatchObject({ status: 400 });
    await expect(client.createRelationship(request('Too long', { duration: 'P3Y' }))).rejects.toMatchObject({
      status: 400,
    });
    await expect(client.createRelationship(request('Zero', { duration: 'P0D' }))).rejects.toMatchObject({
      status: 400,
    });
    await expect(client.createRelationship(request('Two years', { duration: 'P2Y' }))).resolves.toMatchObject({
      status: 'created',
    });
    await expect(client.createRelationship(request('One day', { duration: 'P1D' }))).resolves.toMatchObject({
      status: 'created',
    });
  });

  it('lists with $top and $skipToken paging', async () => {
    for (let index = 0; index < 7; index += 1) await client.createRelationship(request(`Customer ${index}`));
    const names: string[] = [];
    let skipToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.listRelationships({ top: 3, ...(skipToken ? { skipToken } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(3);
      names.push(...page.items.map((item) => item.displayName));
      skipToken = page.skipToken ?? undefined;
      pages += 1;
    } while (skipToken);
    expect(pages).toBe(3);
    expect(names).toEqual(Array.from({ length: 7 }, (_, index) => `Customer ${index}`));
  });

  it('terminates a relationship, and a terminated one cannot be terminated again', async () => {
    const created = await client.createRelationship(request('End me'));
    await client.lockForApproval(created.id);
    await simulator.control.gdapApprove(created.id);
    const answer = await client.terminate(created.id);
    expect(answer.action).toBe('terminate');
    expect(await status(created.id)).toBe('terminated');
    await expect(client.terminate(created.id)).rejects.toMatchObject({ status: 400 });
  });

  it('reports an unknown relationship as not found', async () => {
    const error = await client.getRelationship('nope').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).kind).toBe('not-found');
  });

  it('expires a request left unanswered for 90 days (simulator clock)', async () => {
    const created = await client.createRelationship(request('Ignored'));
    await client.lockForApproval(created.id);
    await simulator.control.gdapAdvanceClock(89);
    expect(await status(created.id)).toBe('approvalPending');
    await simulator.control.gdapAdvanceClock(1);
    expect(await status(created.id)).toBe('expired');
  });

  it('turns an active relationship expiring within 30 days of its end, then expired', async () => {
    const created = await client.createRelationship(request('Short', { duration: 'P60D' }));
    await client.lockForApproval(created.id);
    await simulator.control.gdapApprove(created.id);
    expect(await status(created.id)).toBe('active');
    await simulator.control.gdapAdvanceClock(31);
    expect(await status(created.id)).toBe('expiring');
    await simulator.control.gdapAdvanceClock(30);
    expect(await status(created.id)).toBe('expired');
  });

  it('reads back every Graph status the sandbox can put a relationship in', async () => {
    const created = await client.createRelationship(request('Every status'));
    for (const wanted of gdapStatuses) {
      await simulator.control.gdapSetStatus(created.id, wanted);
      expect(await status(created.id)).toBe(wanted);
    }
  });

  it('retries a throttled call after Retry-After, then succeeds', async () => {
    await simulator.control.addFault({
      method: 'GET',
      path: '/v1.0/tenantRelationships/delegatedAdminRelationships',
      times: 1,
      status: 429,
      retryAfterSeconds: 7,
    });
    const page = await client.listRelationships();
    expect(page.items).toEqual([]);
    expect(sleeps).toEqual([7000]);
  });

  it('rejects a call without a valid token', async () => {
    const anonymous = createGraphClient({ baseUrl: `${simulator.url}/v1.0`, getAccessToken: async () => 'forged' });
    await expect(anonymous.listRelationships()).rejects.toMatchObject({ kind: 'unauthorized' });
  });
});
