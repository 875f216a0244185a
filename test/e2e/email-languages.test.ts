// Customer emails in the customer's language, clicking like a user against a real SMTP server on 127.0.0.1:
// a customer with a .gr contact is written to in Greek by default and the message that arrives is Greek; a
// language of the user's own is added in Settings, its invitation written, a customer set to it, and the email
// sent uses it (and the language can be removed again); an invitation to a customer with a pending GDAP request
// carries both the reseller link and the GDAP approval link.
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from './harness/launch-app';
import { directPartner, saveProfile } from './support/flows';
import { loopbackEmailSettings } from '../support/loopback-email-settings';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server';
import { directDetails } from '../support/customer-fixtures';

let app: AppHarness | null = null;
let smtp: SmtpTestServer | null = null;
afterEach(async () => {
  await app?.close();
  await smtp?.close();
  app = null;
  smtp = null;
});

async function start(): Promise<{ app: AppHarness; smtp: SmtpTestServer }> {
  smtp = await startSmtpTestServer();
  app = await launchApp();
  await saveProfile(app.page, directPartner);
  await app.invoke('saveEmailSettings', {
    settings: loopbackEmailSettings(smtp.port, { fromAddress: 'desk@northwind.example', defaultLanguage: 'en' }),
  });
  return { app, smtp };
}

async function openCustomer(harness: AppHarness, companyName: string): Promise<void> {
  const { page } = harness;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Queue' }).click();
  await page.getByRole('row', { name: new RegExp(companyName) }).click();
}

// Compose the invitation from the customer's panel and send it by SMTP; the preview's subject is returned.
async function sendInvitation(harness: AppHarness, companyName: string, to: string): Promise<string> {
  const { page } = harness;
  await page.getByRole('button', { name: 'Compose email…' }).click();
  const dialog = page.getByRole('dialog', { name: `Email ${companyName}` });
  await dialog.waitFor();
  expect(await dialog.getByLabel('Template').inputValue()).toBe('invitation');
  const subject = dialog.getByTestId('preview-subject');
  await expect.poll(() => subject.innerText()).not.toBe('');
  const previewSubject = await subject.innerText();
  await dialog.getByRole('button', { name: 'Send by SMTP' }).click();
  await page.getByText(`Sent to ${to}.`).waitFor();
  await page.keyboard.press('Escape');
  return previewSubject;
}

describe('email languages', () => {
  it('writes to a customer with a .gr address in Greek by default, and the message that arrives is Greek', async () => {
    const { app, smtp } = await start();
    const { page } = app;
    const { detail } = await app.invoke(
      'createCustomer',
      directDetails({
        companyName: 'Papadopoulos Trading',
        contactName: 'Ελένη Παπαδοπούλου',
        contactEmail: 'eleni@papadopoulos.gr',
        domainPrefix: 'papadopoulostrading',
      }),
    );
    await openCustomer(app, 'Papadopoulos Trading');
    const panel = page.getByRole('region', { name: 'Email', exact: true });
    const language = panel.getByLabel('Language', { exact: true });
    expect(await language.inputValue()).toBe('');
    await expect.poll(() => language.locator('option:checked').innerText()).toBe('Ελληνικά (from the .gr address)');
    await panel.scrollIntoViewIfNeeded();
    await app.screenshot('email-language-from-domain');

    const subject = await sendInvitation(app, 'Papadopoulos Trading', 'eleni@papadopoulos.gr');
    expect(subject).toBe(
      'Παρακαλούμε εξουσιοδοτήστε την Northwind Cloud Direct για την παραγγελία σας στο Microsoft 365',
    );
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.subject).toBe(subject);
    expect(mail!.text).toContain('Αγαπητέ/ή Ελένη Παπαδοπούλου,');
    expect(mail!.text).toContain('Κέντρο διαχείρισης του Microsoft 365');
    expect(mail!.text).toContain(detail.customer.authorizationLink!);
    // No GDAP request: its paragraph is left out without a gap.
    expect(mail!.text).not.toContain('GDAP');
    expect(mail!.text).not.toMatch(/\n\s*\n\s*\n/);
    await expect
      .poll(() => app.timeline())
      .toContain('Invitation email sent by SMTP to eleni@papadopoulos.gr (el); marked as sent');
  });

  it('adds a language of the user’s own, edits its invitation, sets a customer to it and sends in it', async () => {
    const { app, smtp } = await start();
    const { page } = app;
    await app.invoke(
      'createCustomer',
      directDetails({ companyName: 'Svensson Bygg', contactName: 'Sven Svensson', contactEmail: 'sven@svensson.com' }),
    );

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const templates = page.getByRole('region', { name: 'Email templates' });
    await templates.getByRole('button', { name: 'Add language…' }).click();
    const form = templates.getByRole('form', { name: 'Add a language' });
    // A code that is not a language tag is refused with a clear message.
    await form.getByLabel('Language code').fill('swedish!');
    await form.getByLabel('Name').fill('Svenska');
    await form.getByRole('button', { name: 'Add language', exact: true }).click();
    await form.getByText('Enter a language code such as sv, cs or pt-BR.').waitFor();
    await form.getByLabel('Language code').fill('sv');
    await form.getByRole('button', { name: 'Add language', exact: true }).click();
    await page.getByText('Svenska added: its templates start from English for you to write.').waitFor();
    expect(await templates.getByLabel('Language', { exact: true }).inputValue()).toBe('sv');
    // Its templates start from English.
    const subject = templates.getByLabel('Subject');
    await expect
      .poll(() => subject.inputValue())
      .toBe('Please authorize {{resellerName}} for your Microsoft 365 order');
    await subject.fill('Godkänn {{resellerName}} för er Microsoft 365-beställning');
    await templates
      .getByRole('textbox', { name: 'Message', exact: true })
      .fill(
        'Hej {{contactName}},\n\nöppna länken och godkänn:\n{{link}}\n\n{{gdapInstructions}}\n\nVänliga hälsningar\n{{resellerName}}',
      );
    await expect
      .poll(() => templates.getByTestId('preview-subject').innerText())
      .toBe('Godkänn Fabrikam IT Services för er Microsoft 365-beställning');
    await templates.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Invitation (Svenska) saved.').waitFor();
    await templates.getByText('Edited').waitFor();
    await templates.scrollIntoViewIfNeeded();
    await app.screenshot('email-template-own-language');

    // The customer is set to it.
    await openCustomer(app, 'Svensson Bygg');
    const panel = page.getByRole('region', { name: 'Email', exact: true });
    const language = panel.getByLabel('Language', { exact: true });
    await expect.poll(() => language.locator('option:checked').innerText()).toBe('Default (English)');
    await language.selectOption({ label: 'Svenska' });
    await panel.getByRole('button', { name: 'Save email preferences' }).click();
    await expect.poll(() => app.timeline()).toContainEqual(expect.stringMatching(/^Email language sv;/));

    const sent = await sendInvitation(app, 'Svensson Bygg', 'sven@svensson.com');
    expect(sent).toBe('Godkänn Northwind Cloud Direct för er Microsoft 365-beställning');
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.subject).toBe('Godkänn Northwind Cloud Direct för er Microsoft 365-beställning');
    expect(mail!.text).toContain('Hej Sven Svensson,');
    expect(mail!.text).toContain('Vänliga hälsningar');
    await expect
      .poll(() => app.timeline())
      .toContain('Invitation email sent by SMTP to sven@svensson.com (sv); marked as sent');

    // Removed again: gone from the pickers, and the customer falls back to the worked-out language.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await templates.getByLabel('Language', { exact: true }).selectOption('sv');
    await templates.getByRole('button', { name: 'Remove language' }).click();
    await templates
      .getByRole('alert')
      .getByText(/Remove Svenska and its templates\?/)
      .waitFor();
    await templates.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByText('Svenska removed.').waitFor();
    expect(await templates.getByLabel('Language', { exact: true }).locator('option[value="sv"]').count()).toBe(0);
    const customers = await app.invoke('listCustomers', { status: 'all' });
    const state = await app.invoke('getCustomerEmail', { customerId: customers[0]!.id });
    expect(state).toMatchObject({ language: null, effectiveLanguage: 'en', languageSource: 'default' });
  });

  it('sends an invitation carrying both the reseller link and the GDAP approval link', async () => {
    const { app, smtp } = await start();
    const { detail } = await app.invoke(
      'createCustomer',
      directDetails({ companyName: 'Contoso Pharmaceuticals', domainPrefix: 'contosopharma' }),
    );
    const customerId = detail.customer.id;
    const helpdesk = (await app.invoke('listGdapTemplates', {})).find((template) => template.name === 'Helpdesk');
    const { relationship } = await app.invoke('requestGdap', { customerId, templateId: helpdesk!.id });
    expect(relationship?.status).toBe('approvalPending');
    const gdapLink = relationship!.invitationLink;
    const resellerLink = detail.customer.authorizationLink!;

    await openCustomer(app, 'Contoso Pharmaceuticals');
    await sendInvitation(app, 'Contoso Pharmaceuticals', 'ben@fourthcoffee.com');
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.subject).toBe('Please authorize Northwind Cloud Direct for your Microsoft 365 order');
    expect(mail!.text).toContain(resellerLink);
    expect(mail!.text).toContain(gdapLink);
    expect(mail!.text).toContain('granular delegated admin privileges (GDAP)');
    // The reseller link comes first (step 2 of the instructions), the GDAP paragraph after it.
    expect(mail!.text!.indexOf(resellerLink)).toBeLessThan(mail!.text!.indexOf(gdapLink));
    expect(mail!.html).toContain(`<a href="${gdapLink}">`);
    expect(mail!.html).toContain(`<a href="${resellerLink.replace(/&/g, '&amp;')}">`);
  });
});
