// GDAP in the sandbox, as a user does it: a customer accepted without delegated admin, so the account manager
// requests GDAP, copies its invitation link, the customer approves (sandbox control), the status turns active,
// verification passes and Checkout opens; and an expiring relationship shows its warning.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from './harness/launch-app';
import { acceptInSandbox, fillServiceDetails, saveProfile, verifyWith, directPartner } from './support/flows';

let app: AppHarness;

beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  await app.close();
});

const invitationPrefix =
  'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/';

async function addCustomer(harness: AppHarness, companyName: string, domainPrefix: string) {
  const { page } = harness;
  await saveProfile(page, directPartner);
  await page.getByRole('button', { name: 'New customer' }).click();
  await fillServiceDetails(page, {
    companyName,
    contactName: 'Ada Lovelace',
    contactEmail: `ada@${domainPrefix}.com`,
    domainPrefix,
    resellerMpnId: null,
    billing: null,
  });
  await page.getByRole('button', { name: 'Save and get link' }).click();
  await page.getByRole('textbox', { name: 'Authorization link' }).waitFor();
}

async function currentCustomerId(harness: AppHarness): Promise<string> {
  const customers = await harness.invoke('listCustomers', { status: 'all' });
  if (customers.length !== 1 || !customers[0]) throw new Error('expected exactly one customer');
  return customers[0].id;
}

async function requestGdap(harness: AppHarness, template: RegExp) {
  const panel = harness.page.getByRole('region', { name: 'GDAP (granular delegated admin)' });
  const select = panel.getByRole('combobox', { name: 'Role template' });
  const option = (await select.locator('option').allTextContents()).find((text) => template.test(text));
  if (!option) throw new Error(`no template matching ${template}`);
  await select.selectOption({ label: option });
  await panel.getByRole('button', { name: 'Request GDAP' }).click();
  await expect.poll(() => panel.getByTestId('gdap-status').textContent()).toBe('Awaiting customer approval');
  return panel;
}

describe('GDAP', () => {
  it('requests GDAP, copies its link, the customer approves, it turns active and Checkout opens', async () => {
    const { page } = app;
    await addCustomer(app, 'Contoso Pharmaceuticals', 'contosopharma');
    await page.getByRole('button', { name: 'Copy link' }).click();
    // The customer accepts the reseller relationship but not delegated admin: only that part is missing.
    await acceptInSandbox(page, { grantDelegatedAdmin: false });
    const partial = await verifyWith(page, null);
    expect(partial).not.toContain('Authorization verified');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => app.statusText()).toBe('Needs attention');

    const panel = await requestGdap(app, /^Helpdesk/);
    const link = await panel.getByRole('textbox', { name: 'GDAP invitation link' }).inputValue();
    expect(link.startsWith(invitationPrefix)).toBe(true);
    expect(link.slice(invitationPrefix.length)).toMatch(/^[0-9a-f-]{73}$/);
    expect(await panel.innerText()).toContain('Contoso Pharmaceuticals GDAP');
    expect(await panel.innerText()).toContain('Directory Readers, Helpdesk Administrator');
    expect(await panel.innerText()).toContain('unanswered requests expire after 90 days');
    await app.screenshot('gdap-panel-awaiting-approval');

    await panel.getByRole('button', { name: 'Copy GDAP link' }).click();
    await expect.poll(() => app.clipboardText()).toBe(link);
    await expect.poll(() => app.timeline()).toContain('GDAP invitation link copied');

    await panel.getByRole('button', { name: 'Customer approves GDAP' }).click();
    await expect.poll(() => panel.getByTestId('gdap-status').textContent()).toBe('Active');
    expect(await panel.innerText()).toContain('auto-extends by 6 months');
    await app.screenshot('gdap-panel-active');

    const answer = await verifyWith(page, null);
    expect(answer).toContain('Authorization verified');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => app.statusText()).toBe('Authorized');
    await page.getByRole('button', { name: 'Checkout' }).click();
    await page.getByLabel('Order reference').fill('PO-GDAP-1');
    await page.getByRole('button', { name: 'Complete checkout' }).click();
    await page.getByText('Checked out with order reference PO-GDAP-1').waitFor();
    const timeline = await app.timeline();
    expect(timeline).toContain('GDAP relationship active');
    expect(timeline.some((line) => line.startsWith('GDAP requested: "Contoso Pharmaceuticals GDAP"'))).toBe(true);
  });

  it('warns when an active relationship ends within 30 days, and shows an expired one as such', async () => {
    await addCustomer(app, 'Litware Expiring Holdings', 'litwareexp');
    const panel = await requestGdap(app, /^Read only/);
    // The customer approves in Microsoft's admin center (the simulator, directly): AuthDesk learns it on Refresh.
    const { relationship } = await app.invoke('getGdapRelationship', { customerId: await currentCustomerId(app) });
    await app.sandboxControl().gdapApprove(relationship!.relationshipId);
    expect(await panel.getByTestId('gdap-status').textContent()).toBe('Awaiting customer approval');
    await panel.getByRole('button', { name: 'Refresh GDAP status' }).click();
    await expect.poll(() => panel.getByTestId('gdap-status').textContent()).toBe('Active');
    await expect.poll(async () => panel.getByRole('alert').count()).toBe(0);

    await panel.getByRole('button', { name: 'Make expiring' }).click();
    await expect.poll(() => panel.getByTestId('gdap-status').textContent()).toBe('Expiring');
    const warning = panel.getByRole('alert');
    await expect.poll(() => warning.textContent()).toContain('within 30 days');
    await app.screenshot('gdap-panel-expiring');

    await panel.getByRole('button', { name: 'Make expired' }).click();
    await expect.poll(() => panel.getByTestId('gdap-status').textContent()).toBe('Expired');
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('no longer granted');
    // An expired relationship can be requested again.
    await expect.poll(() => panel.getByRole('button', { name: 'Request GDAP' }).count()).toBe(1);
  });

  it('edits the role templates in Settings and offers them when requesting GDAP', async () => {
    const { page } = app;
    await addCustomer(app, 'Adatum Settings Test', 'adatumsettings');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'GDAP role templates' });
    await section.getByRole('button', { name: 'New role template' }).click();
    const form = section.getByRole('form', { name: 'GDAP role template' });
    await form.getByLabel('Template name').fill('Licensing desk');
    // Directory Readers is ticked by default; a template with no role is refused with a message.
    await form.getByRole('checkbox', { name: 'Directory Readers' }).uncheck();
    await form.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('Choose at least one role.');
    await form.getByRole('checkbox', { name: 'License Administrator' }).check();
    await form.getByLabel('Duration (days, 1 to 730)').fill('180');
    await form.getByRole('checkbox', { name: /Auto-extend/ }).uncheck();
    // The partner tenant's security groups, read through Graph: this one gets the roles once approved.
    const group = form.getByRole('combobox', { name: 'Security group that gets these roles' });
    await expect.poll(() => group.locator('option').count()).toBe(4);
    await group.selectOption({ label: 'Licensing Team' });
    await app.screenshot('gdap-template-security-group');
    await form.getByRole('button', { name: 'Save template' }).click();
    await expect
      .poll(() => section.getByRole('listitem').filter({ hasText: 'Licensing desk' }).textContent())
      .toBe('Licensing desk · 180 daysLicense AdministratorRoles go to the security group Licensing TeamEditDelete');
    await app.screenshot('gdap-templates-settings');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Queue' }).click();
    await page.getByRole('row', { name: /Adatum Settings Test/ }).click();
    const panel = await requestGdap(app, /^Licensing desk/);
    expect(await panel.innerText()).toContain('Licensing desk: License Administrator');
    expect(await panel.innerText()).not.toContain('auto-extends');
    const access = panel.getByTestId('gdap-access');
    expect(await access.textContent()).toBe('Licensing Team gets the roles once the customer approves.');
    await panel.getByRole('button', { name: 'Customer approves GDAP' }).click();
    await expect.poll(() => access.textContent()).toBe('Licensing Team: being set up by Microsoft.');
    await panel.getByRole('button', { name: 'Refresh GDAP status' }).click();
    await expect.poll(() => access.textContent()).toBe('Licensing Team: active.');
    await app.screenshot('gdap-panel-access-active');
  });
});
