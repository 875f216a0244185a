// The "Due today" list with many reminders due at once: it starts folded (the queue keeps its room), shows
// main's count, and unfolded holds only the rows in view however many are due; scrolled to the end it shows the
// last one; "Send all due reminders" sends every one of them (resolved in main, not from the rows on screen).
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from './harness/launch-app';
import { saveProfile } from './support/flows';
import { loopbackEmailSettings } from '../support/loopback-email-settings';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server';
import { directDetails } from '../support/customer-fixtures';

const dayMs = 24 * 60 * 60 * 1000;
const customerCount = 80;

let app: AppHarness | null = null;
let smtp: SmtpTestServer | null = null;
afterEach(async () => {
  await app?.close();
  await smtp?.close();
  app = null;
  smtp = null;
});

describe('due reminders', () => {
  it('lists 80 due reminders in a folded, windowed list and sends all of them', async () => {
    smtp = await startSmtpTestServer();
    let now = new Date('2026-03-02T09:00:00.000Z');
    app = await launchApp({ now: () => now });
    const { page } = app;
    await saveProfile(page, {
      role: 'direct',
      organizationName: 'Northwind Cloud Direct',
      requireBillingAddress: false,
    });
    await app.invoke('saveEmailSettings', {
      settings: loopbackEmailSettings(smtp.port, { fromAddress: 'desk@northwind.example' }),
    });
    // Setting up data through the same dispatch the page uses: 80 customers whose link went out today.
    for (let index = 0; index < customerCount; index++) {
      const number = String(index).padStart(3, '0');
      const { detail } = await app.invoke(
        'createCustomer',
        directDetails({ companyName: `Due Customer ${number}`, contactEmail: `it${number}@due${number}.example` }),
      );
      await app.invoke('recordHandOff', { customerId: detail.customer.id, channel: 'copy-link' });
    }

    // Three days later (the services' clock) every one of them is due.
    now = new Date(now.getTime() + 3 * dayMs);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Queue' }).click();
    const followUps = page.getByRole('region', { name: 'Email follow-ups' });
    await followUps.locator('.due-count').getByText(String(customerCount), { exact: true }).waitFor();
    // Folded: the queue keeps its room.
    const due = page.getByRole('list', { name: 'Reminders due today' });
    expect(await due.count()).toBe(0);
    await app.screenshot('due-reminders-folded');

    await followUps.getByText('Due today').click();
    await due.getByText('Due Customer 000').waitFor();
    const rows = due.getByRole('listitem');
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(20);
    expect(await rows.first().getAttribute('aria-setsize')).toBe(String(customerCount));
    await app.screenshot('due-reminders-open');

    // Scrolled to the end: the last reminder, fetched from main as it comes into view; still a few rows only.
    await page.locator('.due-list').evaluate((list) => (list.scrollTop = list.scrollHeight));
    await due.getByText('Due Customer 079').waitFor();
    expect(await rows.count()).toBeLessThan(20);

    await followUps.getByRole('button', { name: 'Send all due reminders' }).click();
    await page.getByText(`${customerCount} of ${customerCount} reminders sent.`).waitFor({ timeout: 60_000 });
    const mails = await smtp.waitForMessages(customerCount);
    expect(new Set(mails.map((mail) => mail.subject)).size).toBe(customerCount);
    expect(mails.some((mail) => mail.subject?.includes('Due Customer 079'))).toBe(true);
    await followUps.getByText('No reminder is due.').waitFor();
    await followUps.locator('.due-count').getByText('0', { exact: true }).waitFor();
  });
});
