// GDAP through the real services and the in-process simulator: request (created, locked), the display name
// rules, approval followed by verification (delegated admin granted by an active GDAP relationship) up to
// checkout, expiry taking it away again, and the role templates in Settings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGdapFollower } from '../../../../main/features/gdap/gdap-follower';
import { manualClock } from '../../../support/manual-clock';
import { gdapDisplayName } from '../../../../main/features/gdap/gdap-service';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { startTestApp, type TestApp } from '../../../support/test-app';

let app: TestApp;

beforeEach(async () => {
  app = await startTestApp();
  await call(app, 'savePartnerProfile', distributorProfile);
});
afterEach(() => app.close());

async function newCustomer(companyName: string, domainPrefix: string): Promise<string> {
  const created = await call(app, 'createCustomer', indirectDetails({ companyName, domainPrefix }));
  return created.detail.customer.id;
}

async function helpdeskTemplateId(): Promise<number> {
  const templates = await call(app, 'listGdapTemplates', {});
  const helpdesk = templates.find((template) => template.name === 'Helpdesk');
  if (!helpdesk) throw new Error('the Helpdesk preset is missing');
  return helpdesk.id;
}

describe('GDAP per customer', () => {
  it('counts delegated admin as granted once the GDAP relationship is active, up to checkout', async () => {
    const customerId = await newCustomer('Litware Inc', 'litware');
    await call(app, 'sandboxAcceptInvitation', {
      customerId,
      grantDelegatedAdmin: false,
      associateReseller: true,
      customDefaultDomain: null,
    });
    const partial = await call(app, 'verifyAuthorization', { customerId, defaultDomain: 'litware.onmicrosoft.com' });
    expect(partial.result.outcome).toBe('partial');

    const requested = await call(app, 'requestGdap', { customerId, templateId: await helpdeskTemplateId() });
    const relationship = requested.relationship;
    expect(relationship).toMatchObject({
      displayName: 'Litware Inc GDAP',
      status: 'approvalPending',
      templateName: 'Helpdesk',
      duration: 'P730D',
      autoExtend: true,
      roleDefinitionIds: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b', '729827e3-9c14-49f7-bb1b-9608f156bbb8'],
    });
    expect(relationship?.invitationLink).toBe(
      `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${relationship?.relationshipId}`,
    );
    const created = Date.parse(relationship?.createdAt ?? '');
    expect(Date.parse(relationship?.requestExpiresAt ?? '') - created).toBe(90 * 86_400_000);
    expect(requested.detail.events.at(-1)).toMatchObject({ type: 'gdap-requested' });
    // One relationship in progress at a time.
    expect((await callError(app, 'requestGdap', { customerId, templateId: await helpdeskTemplateId() })).code).toBe(
      'conflict',
    );

    const copied = await call(app, 'recordGdapLinkCopied', { customerId });
    expect(copied.detail.events.at(-1)).toMatchObject({
      type: 'gdap-link-copied',
      data: { link: relationship?.invitationLink },
    });

    // The customer approves in Microsoft's admin center; AuthDesk has not looked yet. Verification looks first.
    await app.services.sandboxControl!.gdapApprove(relationship!.relationshipId);
    const full = await call(app, 'verifyAuthorization', { customerId, defaultDomain: 'litware.onmicrosoft.com' });
    expect(full.result.outcome).toBe('authorized');
    expect(full.result.checks.find((check) => check.id === 'delegated-admin')).toMatchObject({
      state: 'passed',
      message: expect.stringContaining('GDAP relationship "Litware Inc GDAP"'),
    });
    const after = await call(app, 'getGdapRelationship', { customerId });
    expect(after.relationship?.status).toBe('active');
    expect(after.relationship?.endsAt).not.toBeNull();
    const types = full.detail.events.map((event) => event.type);
    expect(types).toContain('gdap-status-changed');
    await call(app, 'checkOut', { customerId, orderReference: 'PO-GDAP' });
  });

  it("gives the template's security group the roles once the customer approves, and says why Graph refused", async () => {
    const groups = await call(app, 'listGdapSecurityGroups', {});
    expect(groups.map((group) => group.displayName)).toEqual([
      'AuthDesk Admin Agents',
      'AuthDesk Helpdesk Agents',
      'Licensing Team',
    ]);
    const agents = groups.find((group) => group.displayName === 'AuthDesk Helpdesk Agents')!;
    const helpdesk = (await call(app, 'listGdapTemplates', {})).find((template) => template.name === 'Helpdesk')!;
    const { id, preset: _preset, updatedAt: _updatedAt, ...input } = helpdesk;
    const saved = await call(app, 'saveGdapTemplate', { id, template: { ...input, securityGroup: agents } });
    expect(saved.find((template) => template.id === id)?.securityGroup).toEqual(agents);

    const customerId = await newCustomer('Adventure Works', 'adventureworks');
    const requested = await call(app, 'requestGdap', { customerId, templateId: id });
    expect(requested.relationship).toMatchObject({ securityGroup: agents, accessAssignments: [] });
    // Approved: the group's assignment is made (Microsoft sets it up), then read active.
    const approved = await call(app, 'sandboxGdapAction', { customerId, action: 'approve' });
    expect(approved.relationship?.accessAssignments).toEqual([
      { id: expect.any(String), groupId: agents.id, groupName: agents.displayName, status: 'pending', message: null },
    ]);
    const active = await call(app, 'refreshGdapStatus', { customerId });
    expect(active.relationship?.accessAssignments[0]?.status).toBe('active');
    expect(active.detail.events.at(-1)).toMatchObject({
      type: 'gdap-access-changed',
      summary: 'GDAP access active: AuthDesk Helpdesk Agents has the roles of Helpdesk',
    });
    // Nothing more to do for it: the background no longer follows it.
    const again = await call(app, 'refreshGdapStatus', { customerId });
    expect(again.relationship?.accessAssignments).toEqual(active.relationship?.accessAssignments);

    // The group was deleted in the partner tenant meanwhile: Graph refuses, the panel says why, and once it is
    // back the next check assigns it.
    await app.services.sandboxControl!.gdapSetGroups(groups.filter((group) => group.id !== agents.id));
    const second = await newCustomer('Alpine Ski House', 'alpineskihouse');
    await call(app, 'requestGdap', { customerId: second, templateId: id });
    const refused = await call(app, 'sandboxGdapAction', { customerId: second, action: 'approve' });
    expect(refused.relationship?.accessAssignments[0]).toMatchObject({ id: null, status: 'error' });
    expect(refused.relationship?.accessAssignments[0]?.message).toMatch(
      /^Microsoft Graph did not give AuthDesk Helpdesk Agents the roles: .*was not found/,
    );
    expect(refused.detail.events.at(-1)?.type).toBe('gdap-access-changed');
    await app.services.sandboxControl!.gdapSetGroups(groups);
    const retried = await call(app, 'refreshGdapStatus', { customerId: second });
    expect(retried.relationship?.accessAssignments[0]).toMatchObject({ status: 'pending', message: null });
    expect(
      (await call(app, 'refreshGdapStatus', { customerId: second })).relationship?.accessAssignments[0]?.status,
    ).toBe('active');
  });

  it('takes delegated admin away again when the relationship expires', async () => {
    const customerId = await newCustomer('Fourth Coffee', 'fourthcoffee');
    await call(app, 'sandboxAcceptInvitation', {
      customerId,
      grantDelegatedAdmin: false,
      associateReseller: true,
      customDefaultDomain: null,
    });
    await call(app, 'requestGdap', { customerId, templateId: await helpdeskTemplateId() });
    await call(app, 'sandboxGdapAction', { customerId, action: 'approve' });
    const expiring = await call(app, 'sandboxGdapAction', { customerId, action: 'expiring' });
    expect(expiring.relationship?.status).toBe('expiring');
    const stillGranted = await call(app, 'verifyAuthorization', {
      customerId,
      defaultDomain: 'fourthcoffee.onmicrosoft.com',
    });
    expect(stillGranted.result.outcome).toBe('authorized');
    const expired = await call(app, 'sandboxGdapAction', { customerId, action: 'expired' });
    expect(expired.relationship?.status).toBe('expired');
    const lost = await call(app, 'verifyAuthorization', { customerId, defaultDomain: 'fourthcoffee.onmicrosoft.com' });
    expect(lost.result.outcome).toBe('partial');
    // An expired relationship can be replaced by a new request.
    const again = await call(app, 'requestGdap', { customerId, templateId: await helpdeskTemplateId() });
    expect(again.relationship?.status).toBe('approvalPending');
  });

  it('gives each relationship a unique display name of at most 50 characters', async () => {
    const first = await newCustomer('Contoso', 'contosoa');
    const second = await newCustomer('Contoso', 'contosob');
    const long = await newCustomer('The Extraordinarily Long Named Holding Company of Contoso Ltd', 'contosolong');
    const templateId = await helpdeskTemplateId();
    expect((await call(app, 'requestGdap', { customerId: first, templateId })).relationship?.displayName).toBe(
      'Contoso GDAP',
    );
    expect((await call(app, 'requestGdap', { customerId: second, templateId })).relationship?.displayName).toBe(
      'Contoso GDAP 2',
    );
    const longName = (await call(app, 'requestGdap', { customerId: long, templateId })).relationship?.displayName ?? '';
    expect(longName.length).toBeLessThanOrEqual(50);
    expect(longName.endsWith(' GDAP')).toBe(true);
    expect(gdapDisplayName('A'.repeat(80), 3)).toHaveLength(50);
  });

  it('follows awaiting requests in the background until the customer approves', async () => {
    const customerId = await newCustomer('Wingtip Toys', 'wingtip');
    const requested = await call(app, 'requestGdap', { customerId, templateId: await helpdeskTemplateId() });
    expect(await app.services.gdap.followAwaiting()).toBe(1);
    expect((await call(app, 'getGdapRelationship', { customerId })).relationship?.status).toBe('approvalPending');
    await app.services.sandboxControl!.gdapApprove(requested.relationship!.relationshipId);
    // The timer's turn, run by hand: the approval is seen and recorded without anyone clicking Refresh.
    expect(await app.services.gdap.followAwaiting()).toBe(1);
    const followed = await call(app, 'getCustomer', { customerId });
    expect(followed.events.at(-1)).toMatchObject({ type: 'gdap-status-changed', summary: 'GDAP relationship active' });
    // Active relationships are no longer polled.
    expect(await app.services.gdap.followAwaiting()).toBe(0);
  });

  it('runs the follower on its timer and not while offline', async () => {
    const clock = manualClock();
    const turns: string[] = [];
    let online = false;
    const stop = startGdapFollower(
      {
        followAwaiting: async () => {
          turns.push('turn');
          return 0;
        },
      },
      { everyMs: 20, online: () => online, timers: clock.timers },
    );
    // Three beats go by offline; the clock awaited each, so none of them followed anything.
    await clock.advance(70);
    expect(turns).toEqual([]);
    online = true;
    await clock.advance(20);
    expect(turns.length).toBeGreaterThan(0);
    stop();
    const count = turns.length;
    // Stopped: no beat is left to run, however far time moves.
    expect(clock.pending()).toBe(0);
    await clock.advance(70);
    expect(turns.length).toBe(count);
  });

  it('refuses to refresh or copy before anything was requested', async () => {
    const customerId = await newCustomer('Nothing Yet', 'nothingyet');
    expect((await callError(app, 'refreshGdapStatus', { customerId })).code).toBe('conflict');
    expect((await callError(app, 'recordGdapLinkCopied', { customerId })).code).toBe('conflict');
    expect((await call(app, 'getGdapRelationship', { customerId })).relationship).toBeNull();
  });
});

describe('GDAP role templates', () => {
  it('starts with least-privilege presets and edits, refuses and deletes templates', async () => {
    const presets = await call(app, 'listGdapTemplates', {});
    expect(presets.map((template) => template.name)).toEqual([
      'Exchange administration',
      'Helpdesk',
      'Read only',
      'User and licence management',
    ]);
    expect(presets.every((template) => template.preset)).toBe(true);

    const input = {
      name: 'Licensing desk',
      roleDefinitionIds: ['4d6ac14f-3453-41d0-bef9-a3e0c569773a'],
      durationDays: 180,
      autoExtend: false,
    };
    const saved = await call(app, 'saveGdapTemplate', { id: null, template: input });
    const licensing = saved.find((template) => template.name === 'Licensing desk');
    expect(licensing).toMatchObject({ ...input, preset: false });
    expect((await callError(app, 'saveGdapTemplate', { id: null, template: input })).code).toBe('conflict');
    const invalid = await callError(app, 'saveGdapTemplate', {
      id: null,
      template: { ...input, name: 'Too long', durationDays: 731 },
    });
    expect(invalid.code).toBe('invalid-request');
    const noRoles = await callError(app, 'saveGdapTemplate', {
      id: null,
      template: { ...input, name: 'No roles', roleDefinitionIds: [] },
    });
    expect(noRoles.code).toBe('invalid-request');

    const edited = await call(app, 'saveGdapTemplate', {
      id: licensing?.id ?? 0,
      template: { ...input, durationDays: 365, autoExtend: true },
    });
    expect(edited.find((template) => template.id === licensing?.id)).toMatchObject({
      durationDays: 365,
      autoExtend: true,
    });
    // Kept across a restart (SQLite).
    await app.restart();
    const reloaded = await call(app, 'listGdapTemplates', {});
    expect(reloaded.find((template) => template.id === licensing?.id)?.durationDays).toBe(365);
    const afterDelete = await call(app, 'deleteGdapTemplate', { id: licensing?.id ?? 0 });
    expect(afterDelete.some((template) => template.id === licensing?.id)).toBe(false);
  });
});
