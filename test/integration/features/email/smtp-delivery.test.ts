// Email through a real SMTP server on 127.0.0.1 (smtp-server), parsed as it arrived (mailparser): headers, the
// plain-text and HTML parts, the exact authorization link, non-ASCII names and the German template; the
// password from the real OS keychain; failures (password refused, connection refused, 4xx, 5xx) give clear
// messages, keep the message, and a later retry sends it exactly once.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeychainCredentialStore } from '../../../../main/platform/keychain/credential-store';
import { smtpPasswordCredential } from '../../../../main/features/email/email-settings-service';
import type { EmailSettings } from '../../../../shared/email/email-settings';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { loopbackEmailSettings } from '../../../support/loopback-email-settings';
import { startSmtpTestServer, unusedPort, type SmtpTestServer } from '../../../support/smtp-test-server';
import { startTestApp, type TestApp } from '../../../support/test-app';

const hasKeychain =
  process.platform === 'linux' && (Boolean(process.env.DBUS_SESSION_BUS_ADDRESS) || process.env.CI === 'true');

// An account with a password: the SMTP test server asks for it.
function settingsFor(port: number, user = 'mailer'): EmailSettings {
  return loopbackEmailSettings(port, { user, fromName: 'Contoso Desk' });
}

async function customerWithLink(app: TestApp, overrides: Parameters<typeof indirectDetails>[0] = {}) {
  const { detail, linkError } = await call(app, 'createCustomer', indirectDetails(overrides));
  expect(linkError).toBeNull();
  return detail.customer;
}

describe.runIf(hasKeychain)('email over SMTP', () => {
  const credentials = createKeychainCredentialStore(`AuthDesk-test-${randomUUID()}`);
  let app: TestApp;
  let smtp: SmtpTestServer;
  beforeEach(async () => {
    smtp = await startSmtpTestServer({ user: 'mailer', password: 'pässwörd-1' });
    app = await startTestApp({ credentials });
    await call(app, 'savePartnerProfile', distributorProfile);
    const saved = await call(app, 'saveEmailSettings', { settings: settingsFor(smtp.port), password: 'pässwörd-1' });
    expect(saved.password).toEqual({ configured: true });
  });
  afterEach(async () => {
    await app.close();
    await smtp.close();
    await credentials.delete(smtpPasswordCredential);
  });

  it('keeps the password in the keychain only', async () => {
    expect(await credentials.get(smtpPasswordCredential)).toBe('pässwörd-1');
    const view = await call(app, 'getEmailSettings', {});
    expect(JSON.stringify(view)).not.toContain('pässwörd');
    const rows = app.services.db.prepare('SELECT value FROM settings').all() as { value: string }[];
    expect(JSON.stringify(rows)).not.toContain('pässwörd');
  });

  it('sends a multipart invitation with the exact link, non-ASCII names, and records the event', async () => {
    const customer = await customerWithLink(app, {
      contactName: 'Zoë Ångström-Nuñez',
      companyName: 'Crème & Brûlée GmbH',
    });
    const link = customer.authorizationLink!;
    const { result, detail } = await call(app, 'sendEmail', {
      customerId: customer.id,
      template: 'invitation',
      language: null,
      requestId: 'request-0001',
    });
    expect(result).toMatchObject({ outcome: 'sent', to: 'anna@litware.com' });
    const [mail] = await smtp.waitForMessages(1);
    expect(smtp.recipients[0]).toEqual(['anna@litware.com']);
    expect(mail!.from?.value).toEqual([{ address: 'desk@contoso-dist.example', name: 'Contoso Desk' }]);
    expect(mail!.subject).toBe('Please authorize Fabrikam IT Services for your Microsoft 365 order');
    expect(mail!.text).toContain('Hello Zoë Ångström-Nuñez,');
    expect(mail!.text).toContain('Crème & Brûlée GmbH');
    expect(mail!.text).toContain('Global administrator');
    expect(mail!.text).toContain(`   ${link}\n`);
    expect(mail!.html).toContain(`<a href="${link.replace(/&/g, '&amp;')}">`);
    expect(mail!.html).toContain('Crème &amp; Brûlée GmbH');
    expect(mail!.html).toContain('Zoë Ångström-Nuñez');
    // The link exactly as Partner Center issued it, in both parts.
    const hrefs = [...(mail!.html as string).matchAll(/href="([^"]+)"/g)].map((match) =>
      match[1]!.replace(/&amp;/g, '&'),
    );
    expect(hrefs).toEqual([link]);
    expect(detail.customer.status).toBe('sent');
    expect(detail.events.at(-1)).toMatchObject({
      type: 'email-sent',
      data: { template: 'invitation', language: 'en', recipient: 'anna@litware.com', transport: 'smtp' },
    });

    // The same click again (same request id): recorded as done, not sent twice.
    const again = await call(app, 'sendEmail', {
      customerId: customer.id,
      template: 'invitation',
      language: null,
      requestId: 'request-0001',
    });
    expect(again.result.outcome).toBe('already-sent');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages).toHaveLength(1);
  });

  it('writes German to a customer whose language is German', async () => {
    const customer = await customerWithLink(app, { contactName: 'Jürgen Weiß' });
    await call(app, 'setCustomerEmailPreferences', { customerId: customer.id, language: 'de', reminderDays: null });
    const preview = await call(app, 'previewEmail', {
      customerId: customer.id,
      template: 'invitation',
      language: null,
    });
    expect(preview.language).toBe('de');
    await call(app, 'sendEmail', {
      customerId: customer.id,
      template: 'invitation',
      language: null,
      requestId: 'request-de-01',
    });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.subject).toBe('Bitte autorisieren Sie Fabrikam IT Services für Ihre Microsoft 365-Bestellung');
    expect(mail!.text).toContain('Guten Tag Jürgen Weiß,');
    expect(mail!.text).toContain('globaler Administrator');
    expect(mail!.text).toContain(customer.authorizationLink!);
    expect(mail!.html).toContain('Jürgen Weiß');
    const detail = await call(app, 'getCustomer', { customerId: customer.id });
    expect(detail.events.at(-1)).toMatchObject({ type: 'email-sent', data: { language: 'de' } });
  });

  it('says the password was refused, keeps the message, and sends it once after the fix', async () => {
    const customer = await customerWithLink(app);
    await call(app, 'saveEmailSettings', { settings: settingsFor(smtp.port), password: 'wrong' });
    const { result } = await call(app, 'sendEmail', {
      customerId: customer.id,
      template: 'invitation',
      language: 'en',
      requestId: 'request-auth-1',
    });
    expect(result.outcome).toBe('failed');
    expect(result.message).toMatch(/refused the user name or password/);
    expect(result.message).toMatch(/The message is kept/);
    expect(result.retryAt).toBeNull();
    const unsent = await call(app, 'listUnsentEmails', {});
    expect(unsent).toMatchObject({ total: 1, failed: 1 });
    expect(unsent.emails).toMatchObject([{ customerId: customer.id, status: 'failed', to: 'anna@litware.com' }]);
    const failedEvent = (await call(app, 'getCustomer', { customerId: customer.id })).events.at(-1);
    expect(failedEvent).toMatchObject({ type: 'email-failed', data: { transport: 'smtp', template: 'invitation' } });

    await call(app, 'saveEmailSettings', { settings: settingsFor(smtp.port), password: 'pässwörd-1' });
    const retried = await call(app, 'retryFailedEmails', {});
    expect(retried).toMatchObject({ total: 1, sent: 1 });
    expect(retried.results.map((entry) => entry.outcome)).toEqual(['sent']);
    expect(await call(app, 'retryFailedEmails', {})).toEqual({ total: 0, sent: 0, results: [] });
    await smtp.waitForMessages(1);
    expect(smtp.messages).toHaveLength(1);
    expect((await call(app, 'listUnsentEmails', {})).emails).toEqual([]);
  });

  it('says the connection was refused and retries later by itself', async () => {
    const customer = await customerWithLink(app);
    const closedPort = await unusedPort();
    // Another server: its password is typed again (a stored one is never sent elsewhere).
    await call(app, 'saveEmailSettings', { settings: settingsFor(closedPort), password: 'pässwörd-1' });
    const { result } = await call(app, 'sendEmail', {
      customerId: customer.id,
      template: 'invitation',
      language: 'en',
      requestId: 'request-refused-1',
    });
    expect(result.outcome).toBe('failed');
    expect(result.message).toMatch(
      new RegExp(`Could not connect to the SMTP server 127\\.0\\.0\\.1:${closedPort}: the connection was refused`),
    );
    expect(result.retryAt).not.toBeNull();
    expect((await call(app, 'listUnsentEmails', {})).emails).toMatchObject([{ status: 'pending', attempts: 1 }]);

    // Not yet due: the outbox worker leaves it waiting; once due (the outbox's retry time), it goes out once.
    await call(app, 'saveEmailSettings', { settings: settingsFor(smtp.port), password: 'pässwörd-1' });
    const outbox = app.services.offline.outbox;
    outbox.wake();
    expect((await call(app, 'listUnsentEmails', {})).emails).toMatchObject([{ status: 'pending', attempts: 1 }]);
    app.services.db.prepare("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z'").run();
    outbox.wake();
    await outbox.idle();
    expect((await call(app, 'listUnsentEmails', {})).emails).toEqual([]);
    expect((await smtp.waitForMessages(1)).length).toBe(1);
    expect((await call(app, 'getCustomer', { customerId: customer.id })).events.at(-1)).toMatchObject({
      type: 'email-sent',
      data: { transport: 'smtp', template: 'invitation' },
    });
  });

  it('tells a deferral (4xx) from a rejection (5xx)', async () => {
    const customer = await customerWithLink(app);
    smtp.behaviour = 'defer';
    const deferred = await call(app, 'sendEmail', {
      customerId: customer.id,
      template: 'invitation',
      language: 'en',
      requestId: 'request-4xx-01',
    });
    expect(deferred.result.message).toMatch(/deferred the message \(temporary error 451\).*Mailbox busy/);
    expect(deferred.result.retryAt).not.toBeNull();

    smtp.behaviour = 'reject';
    const rejected = await call(app, 'sendEmail', {
      customerId: customer.id,
      template: 'invitation',
      language: 'en',
      requestId: 'request-5xx-01',
    });
    expect(rejected.result.message).toMatch(/rejected the message \(error 550\).*Relaying denied/);
    expect(rejected.result.retryAt).toBeNull();
    const unsent = (await call(app, 'listUnsentEmails', {})).emails;
    expect(unsent.map((email) => email.status).sort()).toEqual(['failed', 'pending']);
    expect(smtp.messages).toHaveLength(0);
  });

  it('sends a test message, and explains a refused test', async () => {
    expect((await call(app, 'sendTestEmail', { to: 'me@contoso-dist.example' })).message).toMatch(/Test message sent/);
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.subject).toBe('AuthDesk test message');
    await call(app, 'saveEmailSettings', { settings: settingsFor(smtp.port), password: 'nope' });
    const error = await callError(app, 'sendTestEmail', { to: 'me@contoso-dist.example' });
    expect(error.message).toMatch(/refused the user name or password/);
  });

  it('refuses to send before SMTP is set up, recording nothing', async () => {
    const customer = await customerWithLink(app);
    await call(app, 'saveEmailSettings', { settings: { ...settingsFor(smtp.port), smtp: null } });
    const error = await callError(app, 'sendEmail', {
      customerId: customer.id,
      template: 'invitation',
      language: 'en',
      requestId: 'request-none-1',
    });
    expect(error).toMatchObject({ code: 'not-configured', message: expect.stringMatching(/Set up the SMTP server/) });
    expect((await call(app, 'listUnsentEmails', {})).emails).toEqual([]);
  });

  it('forgets the password when the server or the user changes, so it never goes to another account', async () => {
    expect(await credentials.get(smtpPasswordCredential)).toBe('pässwörd-1');
    // Same account, no password typed: kept.
    await call(app, 'saveEmailSettings', { settings: { ...settingsFor(smtp.port), messagesPerMinute: 10 } });
    expect(await credentials.get(smtpPasswordCredential)).toBe('pässwörd-1');
    // Another port (another server) without a new password: gone, and sending says to enter it.
    const moved = await call(app, 'saveEmailSettings', { settings: settingsFor(smtp.port + 1) });
    expect(moved.password).toEqual({ configured: false });
    expect(await credentials.get(smtpPasswordCredential)).toBeNull();
    const error = await callError(app, 'sendTestEmail', { to: 'me@contoso-dist.example' });
    expect(error.message).toBe('Enter the SMTP password in Settings › Email (it is kept in the OS keychain).');
    // Another user with its own password: that one is kept.
    await call(app, 'saveEmailSettings', { settings: settingsFor(smtp.port, 'other'), password: 'second' });
    expect(await credentials.get(smtpPasswordCredential)).toBe('second');
    await call(app, 'saveEmailSettings', { settings: settingsFor(smtp.port, 'mailer') });
    expect(await credentials.get(smtpPasswordCredential)).toBeNull();
  });

  it('refuses plaintext SMTP to any server but this computer, in settings and at sending', async () => {
    const remote = settingsFor(smtp.port);
    remote.smtp = { ...remote.smtp!, host: 'smtp.contoso-dist.example' };
    const error = await callError(app, 'saveEmailSettings', { settings: remote, password: 'pässwörd-1' });
    expect(error).toMatchObject({
      code: 'invalid-request',
      message:
        'Without TLS AuthDesk sends only through a relay on this computer (localhost): choose STARTTLS or TLS for smtp.contoso-dist.example.',
    });
    // Nothing was saved: the loopback account and its password stay.
    expect((await call(app, 'getEmailSettings', {})).settings.smtp?.host).toBe('127.0.0.1');
    expect(await credentials.get(smtpPasswordCredential)).toBe('pässwörd-1');
  });
});
