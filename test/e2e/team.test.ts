// Two desktops as a team, as their users see them: two app windows (two harness instances, two data folders) on
// one real PostgreSQL. Anna creates the team in Settings, Ben joins it; a customer Anna adds appears in Ben's
// queue without a reload, and the header shows each desktop's team state; Reports count the user's own
// customers ("Me") or the team's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from './harness/launch-app';
import { directPartner, fillServiceDetails, saveProfile } from './support/flows';
import { startTeamDatabaseServer, type TeamDatabaseServer } from '../support/team-database';
import type { TeamConnection } from '../../shared/domain/team';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

let server: TeamDatabaseServer;
let connection: TeamConnection;
let anna: AppHarness;
let ben: AppHarness;
// Ben reaches the database through it, so the test can cut his network.
let bensNetwork: TcpProxy;

beforeAll(async () => {
  server = await startTeamDatabaseServer();
  connection = await server.createDatabase();
  bensNetwork = await startTcpProxy({ host: connection.host, port: connection.port });
  anna = await launchApp();
  ben = await launchApp();
});
afterAll(async () => {
  await anna?.close();
  await ben?.close();
  await bensNetwork?.close();
  await server?.stop();
});

async function fillTeamForm(app: AppHarness, mode: 'create' | 'join', displayName: string, port = connection.port) {
  const { page } = app;
  await page.getByRole('button', { name: 'Settings' }).click();
  const team = page.getByRole('region', { name: 'Team' });
  await team.waitFor();
  await team.getByRole('radio', { name: mode === 'create' ? /Create a team/ : 'Join a team' }).check();
  if (mode === 'create') await team.getByLabel('Team name').fill('Contoso sales');
  await team.getByLabel('PostgreSQL host').fill(connection.host);
  await team.getByLabel('Port', { exact: true }).fill(String(port));
  await team.getByLabel('Database', { exact: true }).fill(connection.database);
  await team.getByLabel('User', { exact: true }).fill(connection.user);
  await team.getByLabel('Password', { exact: true }).fill(server.password);
  await team.getByLabel('Connection security').selectOption('off');
  await team.getByLabel('Your name in the team').fill(displayName);
  return team;
}

describe('team workspace', () => {
  it('refuses plaintext to another computer, then creates and joins a team and shares the queue live', async () => {
    await saveProfile(anna.page, directPartner);
    await saveProfile(ben.page, directPartner);

    const annasTeam = await fillTeamForm(anna, 'create', 'Anna');
    await annasTeam.getByLabel('PostgreSQL host').fill('db.contoso.com');
    await annasTeam.getByRole('button', { name: 'Create team' }).click();
    await annasTeam.getByText(/A server on another computer needs TLS/).waitFor();
    await anna.screenshot('team-form-tls-refused');

    await annasTeam.getByLabel('PostgreSQL host').fill(connection.host);
    await annasTeam.getByRole('button', { name: 'Create team' }).click();
    await anna.page.getByRole('status', { name: 'Team Contoso sales: synced' }).waitFor();
    await annasTeam.getByText('Anna (').waitFor();

    const bensTeam = await fillTeamForm(ben, 'join', 'Ben', bensNetwork.port);
    await bensTeam.getByRole('button', { name: 'Join team' }).click();
    await ben.page.getByRole('status', { name: 'Team Contoso sales: synced' }).waitFor();
    await bensTeam.getByText(/Ben \(.*this desktop/).waitFor();
    await ben.screenshot('team-settings-joined');

    // Ben watches his queue while Anna adds a customer on her desktop.
    await ben.page.getByRole('button', { name: 'Queue' }).click();
    await anna.page.getByRole('button', { name: 'Queue' }).click();
    await anna.page.getByRole('button', { name: 'New customer' }).click();
    await fillServiceDetails(anna.page, {
      companyName: 'Tailwind Traders',
      contactName: 'Tomás Ñúñez',
      contactEmail: 'tomas@tailwindtraders.com',
      domainPrefix: 'tailwindtraders',
      resellerMpnId: null,
      billing: null,
    });
    await anna.page.getByRole('button', { name: 'Save and get link' }).click();
    await anna.page.getByRole('textbox', { name: 'Authorization link' }).waitFor();

    await ben.page.locator('.queue-table tbody tr', { hasText: 'Tailwind Traders' }).waitFor({ timeout: 30_000 });
    const rows = await ben.queueRows();
    expect(rows.some((row) => row.includes('Tailwind Traders'))).toBe(true);
    await ben.screenshot('team-queue-shared');
  });

  it('shows a desktop offline, and tells the one whose edit lost to an edit made without seeing it', async () => {
    await bensNetwork.cut();
    await ben.page.getByRole('status', { name: /Team Contoso sales: offline since/ }).waitFor({ timeout: 30_000 });

    const editNotes = async (app: AppHarness, notes: string) => {
      await app.page.getByRole('row', { name: /Tailwind Traders/ }).click();
      await app.page.getByRole('heading', { name: 'Tailwind Traders' }).waitFor();
      await app.page.getByRole('textbox', { name: 'Notes' }).fill(notes);
      await app.page.getByRole('button', { name: 'Save follow-up and notes' }).click();
      await app.page.getByText('Follow-up and notes saved.').waitFor();
    };
    await editNotes(anna, 'Anna: quote sent');
    // Ben, cut off, has not seen Anna's note when he writes his own, later.
    await editNotes(ben, 'Ben: call back on Monday');
    await ben.page
      .getByRole('status', { name: /offline since .*, [1-9]\d* changes? waiting/ })
      .waitFor({ timeout: 30_000 });
    await ben.screenshot('team-offline-waiting');

    await bensNetwork.restore();
    await ben.page.getByRole('status', { name: 'Team Contoso sales: synced' }).waitFor({ timeout: 60_000 });
    const line = anna.page.getByText(
      /^Notes changed by .+ at \d\d:\d\d on another desktop; your value from \d\d:\d\d was replaced$/,
    );
    await line.waitFor({ timeout: 30_000 });
    await anna.screenshot('team-conflict-line');
    // One line, for the notes: the bookkeeping fields every edit touches are merged without a word.
    expect(await anna.page.getByText(/on another desktop; your value/).count()).toBe(1);
    expect(await ben.page.getByText(/on another desktop; your value/).count()).toBe(0);
  });

  it("reports the team's customers or only the user's own, with the team's owners", async () => {
    const { page } = ben;
    // Ben hands Tailwind Traders over to a colleague; his own Reports then count it for the team only.
    await page.getByRole('row', { name: /Tailwind Traders/ }).click();
    await page.getByRole('combobox', { name: 'Owner', exact: true }).fill('chloe');
    await page.getByRole('button', { name: 'Save follow-up and notes' }).click();
    // (The report below waits for the change: it reloads when a customer changes.)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click();
    const scope = page.getByRole('group', { name: 'Whose customers' });
    await expect(scope.getByRole('button', { name: 'Team' }).getAttribute('aria-pressed')).resolves.toBe('true');
    const owners = page.getByRole('table', { name: 'By owner' });
    await owners.getByRole('row', { name: /chloe/ }).waitFor();
    await page.getByText("Every member's customers").waitFor();

    await scope.getByRole('button', { name: 'Me' }).click();
    await page.getByText(/^Customers you own \(.+\)$/).waitFor();
    await expect(owners.getByRole('row', { name: /chloe/ }).count()).resolves.toBe(0);
    await ben.screenshot('team-reports-me');
  });

  it('shares a view saved for the team with the other desktop, live', async () => {
    await anna.page.getByRole('button', { name: 'Queue' }).click();
    await ben.page.getByRole('button', { name: 'Queue' }).click();
    await anna.page.getByRole('button', { name: 'Save view' }).click();
    const dialog = anna.page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByLabel('View name').fill('Team pipeline');
    await dialog.getByRole('checkbox', { name: /Share with team Contoso sales/ }).check();
    await anna.screenshot('team-save-view-shared');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await anna.page.getByText('View “Team pipeline” saved for the team.').waitFor();

    const bensViews = ben.page.getByRole('combobox', { name: 'Saved view' });
    await bensViews.locator('option', { hasText: /^Team pipeline \(team, by .+\)$/ }).waitFor({
      state: 'attached',
      timeout: 30_000,
    });
  });
});
