// Email end to end, clicking like a user against a real SMTP server on 127.0.0.1: set up SMTP in Settings
// (password to the keychain) and send a test; edit a template with its live preview (an unknown placeholder is
// refused); compose from a template, preview, send through SMTP, see it in the timeline; bulk send to 50
// customers with progress and a result each; a reminder falls due (injected clock) and is sent.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from './harness/launch-app';
import { fillServiceDetails, saveProfile } from './support/flows';
import { loopbackEmailSettings } from '../support/loopback-email-settings';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server';
import { directDetails } from '../support/customer-fixtures';

const dayMs = 24 * 60 * 60 * 1000;

let app: AppHarness | null = null;
let smtp: SmtpTestServer | null = null;
afterEach(async () => {
  await app?.close();
  await smtp?.close();
  app = null;
  smtp = null;
});

async function setUpSmtpInSettings(harness: AppHarness, server: SmtpTestServer): Promise<void> {
  const { page } = harness;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Email' });
  await form.getByLabel('SMTP server').fill('127.0.0.1');
  await form.getByLabel('Port', { exact: true }).fill(String(server.port));
  await form.getByRole('radio', { name: /None/ }).check();
  await form.getByLabel('User name').fill('desk');
  await form.getByLabel('Password', { exact: true }).fill('s3crét-pass');
  await form.getByLabel('From address').fill('desk@northwind.example');
  await form.getByLabel('From name').fill('Northwind Desk');
  await form.getByLabel('Messages per minute').fill('6000');
  await form.getByRole('button', { name: 'Save email settings' }).click();
  await page.getByText('Email settings saved.').waitFor();
  await form.getByText('A password is stored in the OS keychain').waitFor();
  expect(await form.getByLabel('Password', { exact: true }).inputValue()).toBe('');
}

describe('email', () => {
  it('sets up SMTP, edits a template with a live preview, composes, previews and sends; the timeline shows it', async () => {
    smtp = await startSmtpTestServer({ user: 'desk', password: 's3crét-pass' });
    app = await launchApp();
    const { page } = app;
    await saveProfile(page, {
      role: 'direct',
      organizationName: 'Northwind Cloud Direct',
      requireBillingAddress: false,
    });
    await setUpSmtpInSettings(app, smtp);

    // Test send.
    await page.getByLabel('Send a test message to').fill('me@northwind.example');
    await page.getByRole('button', { name: 'Send test message' }).click();
    await page.getByText(/Test message sent to me@northwind.example/).waitFor();
    expect((await smtp.waitForMessages(1))[0]!.subject).toBe('AuthDesk test message');
    await page.getByRole('form', { name: 'Email' }).scrollIntoViewIfNeeded();
    await app.screenshot('email-smtp-settings');

    // Template editor: German reminder, an unknown placeholder is refused as typed, the preview follows.
    const templates = page.getByRole('region', { name: 'Email templates' });
    await templates.getByLabel('Template', { exact: true }).selectOption('reminder');
    await templates.getByLabel('Language', { exact: true }).selectOption('de');
    const subject = templates.getByLabel('Subject');
    await expect.poll(() => subject.inputValue()).toMatch(/^Erinnerung/);
    await subject.fill('Erinnerung für {{firma}}');
    await templates.getByText('Unknown placeholder {{firma}} in the subject').waitFor();
    expect(await templates.getByRole('button', { name: 'Save template' }).isDisabled()).toBe(true);
    await subject.fill('Erinnerung für {{companyName}}: bitte autorisieren');
    await expect
      .poll(() => templates.getByTestId('preview-subject').innerText())
      .toBe('Erinnerung für Müller & Söhne GmbH: bitte autorisieren');
    await templates.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Reminder (Deutsch (German)) saved.').waitFor();
    await templates.getByText('Edited').waitFor();
    await templates.scrollIntoViewIfNeeded();
    await app.screenshot('email-template-settings');

    // A customer with a link.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Queue' }).click();
    await page.getByRole('button', { name: 'New customer' }).click();
    await fillServiceDetails(page, {
      companyName: 'Tailwind Traders',
      contactName: 'Tomás Ñúñez',
      contactEmail: 'tomas@tailwindtraders.com',
      domainPrefix: 'tailwindtraders',
      resellerMpnId: null,
      billing: null,
    });
    await page.getByRole('button', { name: 'Save and get link' }).click();
    const link = await page.getByRole('textbox', { name: 'Authorization link' }).inputValue();
    expect(link).toMatch(/^https:\/\/admin\.microsoft\.com\//);

    // Compose from the invitation template and read the preview.
    await page.getByRole('button', { name: 'Compose email…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Email Tailwind Traders' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Template').inputValue()).toBe('invitation');
    await expect
      .poll(() => dialog.getByTestId('preview-subject').innerText())
      .toBe('Please authorize Northwind Cloud Direct for your Microsoft 365 order');
    const previewText = await dialog.getByTestId('preview-text').innerText();
    expect(previewText).toContain('Hello Tomás Ñúñez,');
    expect(previewText).toContain(link);
    expect(previewText).toContain('Global administrator');
    await app.screenshot('email-compose-dialog');
    await dialog.getByRole('button', { name: 'HTML' }).click();
    await dialog.getByTitle('HTML preview').waitFor();
    await app.screenshot('email-compose-html');
    await dialog.getByRole('button', { name: 'Send by SMTP' }).click();
    await page.getByText('Sent to tomas@tailwindtraders.com.').waitFor();

    const messages = await smtp.waitForMessages(2);
    const mail = messages[1]!;
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null).toBe('tomas@tailwindtraders.com');
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('Hello Tomás Ñúñez,');
    expect(mail.html).toContain('Tomás Ñúñez');
    await expect.poll(() => app!.statusText()).toBe('Sent');
    await expect
      .poll(() => app!.timeline())
      .toContain('Invitation email sent by SMTP to tomas@tailwindtraders.com (en); marked as sent');
  });

  it('sends to 50 customers at once with a progress bar and a result each', async () => {
    smtp = await startSmtpTestServer();
    app = await launchApp();
    const { page } = app;
    await saveProfile(page, {
      role: 'direct',
      organizationName: 'Northwind Cloud Direct',
      requireBillingAddress: false,
    });
    // Setting up data through the same dispatch the page uses (typing 50 customers adds nothing to the test).
    await app.invoke('saveEmailSettings', {
      settings: loopbackEmailSettings(smtp.port, { fromAddress: 'desk@northwind.example', messagesPerMinute: 1200 }),
    });
    for (let index = 0; index < 50; index++) {
      await app.invoke(
        'createCustomer',
        directDetails({ companyName: `Bulk Customer ${index}`, contactEmail: `it${index}@bulk${index}.example` }),
      );
    }

    // Nothing ticked: the dialog takes the queue's current view, and main resolves who is in it.
    await page.getByRole('button', { name: 'Email customers…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Email customers' });
    expect(await dialog.getByRole('radio', { name: /ticked in the queue/ }).isDisabled()).toBe(true);
    expect(await dialog.getByRole('radio', { name: /current view/ }).isChecked()).toBe(true);
    await dialog.getByText('50 of 50 will get this email.').waitFor();
    await dialog.getByRole('button', { name: 'Send 50 emails' }).click();
    const progress = dialog.getByRole('progressbar', { name: 'Sending emails' });
    await progress.waitFor();
    await dialog.getByText('50 of 50 sent.').waitFor({ timeout: 60_000 });
    expect(await progress.getAttribute('value')).toBe('50');
    expect(await progress.getAttribute('max')).toBe('50');
    await dialog.getByText('50 of 50 done').waitFor();
    const rows = dialog.getByRole('table', { name: 'Result per recipient' }).locator('tbody tr');
    expect(await rows.count()).toBe(50);
    expect(await rows.first().innerText()).toMatch(/Bulk Customer \d+\s+it\d+@bulk\d+\.example\s+Sent/);
    // Done: Send stays off, so nobody sends the same batch twice by reflex.
    expect(await dialog.getByRole('button', { name: 'Sent' }).isDisabled()).toBe(true);
    await app.screenshot('email-bulk-send');
    expect((await smtp.waitForMessages(50)).length).toBe(50);
    expect(new Set(smtp.recipients.flat()).size).toBe(50);
  });

  it('emails every customer of the queue filter: main resolves the filter, not the rows on screen', async () => {
    smtp = await startSmtpTestServer();
    app = await launchApp();
    const { page } = app;
    await saveProfile(page, {
      role: 'direct',
      organizationName: 'Northwind Cloud Direct',
      requireBillingAddress: false,
    });
    await app.invoke('saveEmailSettings', {
      settings: loopbackEmailSettings(smtp.port, { fromAddress: 'desk@northwind.example' }),
    });
    for (let index = 0; index < 12; index++) {
      const name = index % 3 === 0 ? `Beta Works ${index}` : `Alpha Trading ${index}`;
      await app.invoke(
        'createCustomer',
        directDetails({ companyName: name, contactEmail: `it${index}@c${index}.example` }),
      );
    }
    await page.getByLabel('Search customers').fill('Beta');
    await expect.poll(async () => (await app!.queueRows()).length).toBe(4);
    await page.getByRole('button', { name: 'Email customers…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Email customers' });
    await dialog.getByText('4 of 4 will get this email.').waitFor();
    expect(await dialog.getByRole('list', { name: 'Recipients' }).innerText()).not.toContain('Alpha');
    await app.screenshot('email-bulk-filter');
    await dialog.getByRole('button', { name: 'Send 4 emails' }).click();
    await dialog.getByText('4 of 4 sent.').waitFor({ timeout: 60_000 });
    await smtp.waitForMessages(4);
    expect(smtp.recipients.flat().sort()).toEqual(
      ['it0@c0.example', 'it3@c3.example', 'it6@c6.example', 'it9@c9.example'].sort(),
    );
  });

  it('says first when no mail server is set up, and offers Settings and a mail-merge CSV instead', async () => {
    app = await launchApp();
    const { page } = app;
    await saveProfile(page, {
      role: 'direct',
      organizationName: 'Northwind Cloud Direct',
      requireBillingAddress: false,
    });
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) {
      const { detail } = await app.invoke(
        'createCustomer',
        directDetails({
          // A name a spreadsheet would run as a formula: the mail-merge file defuses it.
          companyName: index === 2 ? '=Merge Customer 2' : `Merge Customer ${index}`,
          contactEmail: `it${index}@merge${index}.example`,
        }),
      );
      ids.push(detail.customer.id);
    }
    // One has authorized already: shown with its status, and not ticked.
    await app.invoke('sandboxAcceptInvitation', {
      customerId: ids[0] as string,
      grantDelegatedAdmin: true,
      associateReseller: false,
      customDefaultDomain: null,
    });
    await app.invoke('verifyAuthorization', {
      customerId: ids[0] as string,
      defaultDomain: 'fourthcoffee.onmicrosoft.com',
    });
    await page.getByRole('button', { name: 'Select all 3 matching' }).click();
    await page.getByRole('button', { name: 'Email customers…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Email customers' });
    expect(await dialog.getByRole('radio', { name: 'The 3 customers ticked in the queue' }).isChecked()).toBe(true);
    await dialog.getByText('2 of 3 will get this email. 1 already authorized or checked out.').waitFor();
    const names = dialog.getByRole('list', { name: 'Recipients' }).getByRole('listitem');
    expect(await names.allInnerTexts()).toEqual([
      expect.stringMatching(/^Merge Customer 1\s+it1@merge1\.example\s+· Link ready$/),
      expect.stringMatching(/^=Merge Customer 2\s+it2@merge2\.example\s+· Link ready$/),
    ]);
    await dialog
      .getByRole('alert')
      .getByText(/No mail server is set up/)
      .waitFor();
    expect(await dialog.getByRole('button', { name: 'Send 2 emails' }).isDisabled()).toBe(true);
    await app.screenshot('email-bulk-no-smtp');
    // main asks where to save it (the harness's save dialog answers with its folder) and writes it there.
    await dialog.getByRole('button', { name: 'Save a mail-merge CSV' }).click();
    await page.getByText('authdesk-mail-merge.csv: 2 recipients.').waitFor();
    const saved = await readFile(join(app.savedDir, 'authdesk-mail-merge.csv'), 'utf8');
    const lines = saved
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(0, -1);
    expect(lines[0]).toBe('Company,Contact,Email,Authorization link,Status');
    expect(lines).toHaveLength(3);
    expect(
      lines
        .slice(1)
        .every((line) => /^'?=?Merge Customer [12],.*,https:\/\/admin\.microsoft\.com\/.*,Link ready$/.test(line)),
    ).toBe(true);
    expect(lines.some((line) => line.startsWith("'=Merge Customer 2,"))).toBe(true);
    await dialog.getByRole('button', { name: 'Set up email in Settings' }).click();
    await page.getByRole('form', { name: 'Email' }).waitFor();
  });

  it('shows a reminder as due three days after the link was sent, and sends it', async () => {
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
    const { detail } = await app.invoke('createCustomer', directDetails({ companyName: 'Fourth Coffee' }));
    await page.getByRole('row', { name: /Fourth Coffee/ }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => app!.statusText()).toBe('Sent');
    const panel = page.getByRole('region', { name: 'Email', exact: true });
    await panel.getByText(/Reminder 1: due/).waitFor();
    await page.getByText('No reminder is due.').waitFor({ state: 'attached' });

    // Three days later (the services' clock), the queue's "Due today" lists it.
    now = new Date(now.getTime() + 3 * dayMs);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Queue' }).click();
    const due = page.getByRole('list', { name: 'Reminders due today' });
    await due.getByText('Fourth Coffee').waitFor();
    expect(await due.getByRole('listitem').count()).toBe(1);
    await app.screenshot('email-due-today');
    await page.getByRole('button', { name: 'Send all due reminders' }).click();
    await page.getByText('1 of 1 reminders sent.').waitFor();
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.subject).toBe(
      'Reminder: your Microsoft 365 order for Fourth Coffee is waiting for your authorization',
    );
    expect(mail!.text).toContain(detail.customer.authorizationLink!);
    await page.getByText('No reminder is due.').waitFor({ state: 'attached' });
    await page.getByRole('row', { name: /Fourth Coffee/ }).click();
    await expect.poll(() => app!.timeline()).toContain('Reminder email sent by SMTP to ben@fourthcoffee.com (en)');
    await panel.getByText(/Reminder 1: sent/).waitFor();
    await panel.scrollIntoViewIfNeeded();
    await app.screenshot('email-customer-panel');
  });
  it('keeps a rejected message, says why, and sends it once from “Retry failed emails”', async () => {
    smtp = await startSmtpTestServer();
    app = await launchApp();
    const { page } = app;
    await saveProfile(page, {
      role: 'direct',
      organizationName: 'Northwind Cloud Direct',
      requireBillingAddress: false,
    });
    await app.invoke('saveEmailSettings', {
      settings: loopbackEmailSettings(smtp.port, { fromAddress: 'desk@northwind.example', defaultLanguage: 'de' }),
    });
    await app.invoke(
      'createCustomer',
      directDetails({ companyName: 'Wide World Importers', contactName: 'Björn Ødegård' }),
    );
    await page.getByRole('row', { name: /Wide World Importers/ }).click();
    smtp.behaviour = 'reject';
    await page.getByRole('button', { name: 'Compose email…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Email Wide World Importers' });
    await expect
      .poll(() => dialog.getByTestId('preview-subject').innerText())
      .toBe('Bitte autorisieren Sie Northwind Cloud Direct für Ihre Microsoft 365-Bestellung');
    await dialog.getByRole('button', { name: 'Send by SMTP' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/rejected the message \(error 550\).*Relaying denied.*The message is kept/)
      .waitFor();
    await page.keyboard.press('Escape');
    await expect
      .poll(() => app!.timeline())
      .toContainEqual(expect.stringMatching(/^Invitation email to ben@fourthcoffee.com not sent: /));

    const unsent = page.getByRole('list', { name: 'Unsent emails' });
    await page.getByText('Unsent emails').click();
    await unsent.getByText(/Not sent: .*550/).waitFor();
    smtp.behaviour = 'accept';
    await page.getByRole('button', { name: 'Retry failed emails (1)' }).click();
    await page.getByText('1 of 1 emails sent.').waitFor();
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.text).toContain('Guten Tag Björn Ødegård,');
    await expect
      .poll(() => app!.timeline())
      .toContain('Invitation email sent by SMTP to ben@fourthcoffee.com (de); marked as sent');
    await page.getByRole('button', { name: /Retry failed emails/ }).waitFor({ state: 'detached' });
    expect(smtp.messages).toHaveLength(1);
  });
});
