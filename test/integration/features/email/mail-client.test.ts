// The mail-client hand-off of a template: a mailto: with the rendered subject and body for the customer's
// language, recorded as an email event; a message too long for a mailto: link is not opened (the renderer
// copies it) and the copy is recorded instead.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { startTestApp, type TestApp } from '../../../support/test-app';

describe('email through the mail client', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp();
    await call(app, 'savePartnerProfile', distributorProfile);
  });
  afterEach(() => app.close());

  it('opens a mailto: with the rendered subject and body and records it', async () => {
    const { detail } = await call(app, 'createCustomer', indirectDetails({ contactName: 'Zoë Weiß' }));
    const customerId = detail.customer.id;
    const reminder = await call(app, 'saveEmailTemplate', {
      kind: 'reminder',
      language: 'en',
      subject: 'Short nudge for {{companyName}}',
      body: 'Hi {{contactName}}, please open {{link}}',
    });
    expect(reminder.edited).toBe(true);
    const opened = await call(app, 'openEmailInMailClient', { customerId, template: 'reminder', language: null });
    expect(opened.opened).toBe(true);
    expect(app.opened).toHaveLength(1);
    const url = new URL(app.opened[0]!);
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(url.pathname)).toBe('anna@litware.com');
    expect(url.searchParams.get('subject')).toBe('Short nudge for Litware Inc');
    expect(url.searchParams.get('body')).toBe(`Hi Zoë Weiß, please open ${detail.customer.authorizationLink}`);
    expect(opened.detail.customer.status).toBe('sent');
    expect(opened.detail.events.at(-1)).toMatchObject({
      type: 'email-sent',
      data: { template: 'reminder', language: 'en', transport: 'mail-client', recipient: 'anna@litware.com' },
    });
  });

  it('does not open a mailto: that is too long; the copy is recorded', async () => {
    const { detail } = await call(app, 'createCustomer', indirectDetails());
    const customerId = detail.customer.id;
    await call(app, 'saveEmailTemplate', {
      kind: 'invitation',
      language: 'de',
      subject: 'Bitte autorisieren',
      body: `{{instructions}}\n\n${'Ausführliche Erläuterung. '.repeat(120)}`,
    });
    await call(app, 'setCustomerEmailPreferences', { customerId, language: 'de', reminderDays: null });
    const preview = await call(app, 'previewEmail', { customerId, template: 'invitation', language: null });
    expect(preview.mailtoTooLong).toBe(true);
    const answer = await call(app, 'openEmailInMailClient', { customerId, template: 'invitation', language: null });
    expect(answer.opened).toBe(false);
    expect(answer.preview.text).toContain('globaler Administrator');
    expect(app.opened).toEqual([]);
    const copied = await call(app, 'recordEmailCopied', { customerId, template: 'invitation', language: null });
    expect(copied.events.at(-1)).toMatchObject({
      type: 'email-sent',
      data: {
        transport: 'mail-client',
        language: 'de',
        result: 'copied for the mail client (too long for a mail link)',
      },
    });
  });

  it('refuses a thank-you before the customer authorized', async () => {
    const { detail } = await call(app, 'createCustomer', indirectDetails());
    const error = await callError(app, 'openEmailInMailClient', {
      customerId: detail.customer.id,
      template: 'thank-you',
      language: null,
    });
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/has not authorized yet/) });
    expect(app.opened).toEqual([]);
  });
});
