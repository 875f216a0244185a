// Email languages through the real services and a real SMTP server on 127.0.0.1: a language of the user's own
// is added (validated in main), listed with its templates (English to start), edited and removed; the customer's
// language comes from their choice, else their email domain's country, else the default, in a preview, a bulk
// send and the due reminders; a pending GDAP request's link goes in the invitation beside the reseller link.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { loopbackEmailSettings } from '../../../support/loopback-email-settings';
import { startSmtpTestServer, type SmtpTestServer } from '../../../support/smtp-test-server';
import { startTestApp, type TestApp } from '../../../support/test-app';

describe('email languages', () => {
  let app: TestApp;
  let smtp: SmtpTestServer;
  beforeEach(async () => {
    smtp = await startSmtpTestServer();
    app = await startTestApp();
    await call(app, 'savePartnerProfile', distributorProfile);
    await call(app, 'saveEmailSettings', { settings: loopbackEmailSettings(smtp.port, { defaultLanguage: 'de' }) });
  });
  afterEach(async () => {
    await app.close();
    await smtp.close();
  });

  const customer = async (contactEmail: string) =>
    (await call(app, 'createCustomer', indirectDetails({ companyName: contactEmail, contactEmail }))).detail.customer
      .id;

  it('adds a language of the user’s own, refuses bad or taken codes, and removes it with its templates', async () => {
    expect((await call(app, 'listEmailLanguages', {})).map((language) => language.code)).toEqual([
      'en',
      'de',
      'fr',
      'es',
      'it',
      'nl',
      'pt',
      'pl',
      'el',
    ]);
    const added = await call(app, 'addEmailLanguage', { code: 'PT-br', name: 'Português do Brasil' });
    expect(added.at(-1)).toEqual({ code: 'pt-BR', name: 'Português do Brasil', custom: true });
    expect((await callError(app, 'addEmailLanguage', { code: 'pt-br', name: 'Again' })).code).toBe('conflict');
    expect((await callError(app, 'addEmailLanguage', { code: 'EL', name: 'Greek' })).code).toBe('conflict');
    expect((await callError(app, 'addEmailLanguage', { code: 'x', name: 'X' })).code).toBe('invalid-request');
    expect((await callError(app, 'addEmailLanguage', { code: 'sv', name: ' ' })).code).toBe('invalid-request');

    const templates = await call(app, 'listEmailTemplates', {});
    const own = templates.filter((template) => template.language === 'pt-BR');
    expect(own).toHaveLength(4);
    const english = templates.find((template) => template.kind === 'invitation' && template.language === 'en');
    expect(own.find((template) => template.kind === 'invitation')).toMatchObject({
      subject: english?.subject,
      edited: false,
    });
    const saved = await call(app, 'saveEmailTemplate', {
      kind: 'invitation',
      language: 'pt-br',
      subject: 'Autorize {{resellerName}}',
      body: 'Olá {{contactName}}, {{link}}',
    });
    expect(saved).toMatchObject({ language: 'pt-BR', edited: true });
    // A template for a language that does not exist is refused.
    const unknown = await callError(app, 'saveEmailTemplate', {
      kind: 'invitation',
      language: 'sv',
      subject: 'Hej',
      body: 'Hej {{link}}',
    });
    expect(unknown.code).toBe('invalid-request');

    const id = await customer('contato@empresa.com.br');
    await call(app, 'setCustomerEmailPreferences', { customerId: id, language: 'pt-BR', reminderDays: null });
    expect(await call(app, 'previewEmail', { customerId: id, template: 'invitation', language: null })).toMatchObject({
      language: 'pt-BR',
      languageName: 'Português do Brasil',
      subject: 'Autorize Fabrikam IT Services',
    });

    expect((await callError(app, 'removeEmailLanguage', { code: 'de' })).code).toBe('conflict');
    await call(app, 'removeEmailLanguage', { code: 'pt-BR' });
    expect((await call(app, 'listEmailTemplates', {})).some((template) => template.language === 'pt-BR')).toBe(false);
    // The customer's removed choice is passed over: the .br address says Portuguese.
    expect(await call(app, 'getCustomerEmail', { customerId: id })).toMatchObject({
      language: null,
      effectiveLanguage: 'pt',
      languageSource: 'domain',
      languageTld: 'br',
    });
    // Added again, the customer's choice is back.
    await call(app, 'addEmailLanguage', { code: 'pt-BR', name: 'Português do Brasil' });
    expect((await call(app, 'getCustomerEmail', { customerId: id })).language).toBe('pt-BR');
  });

  it('writes to each customer in their choice, else their domain’s language, else the default, when sent in bulk', async () => {
    const greek = await customer('it@etairia.gr');
    const swiss = await customer('it@firma.ch');
    const chosen = await customer('it@societe.fr');
    await call(app, 'setCustomerEmailPreferences', { customerId: chosen, language: 'it', reminderDays: null });
    expect(await call(app, 'getCustomerEmail', { customerId: greek })).toMatchObject({
      language: null,
      effectiveLanguage: 'el',
      effectiveLanguageName: 'Ελληνικά',
      languageSource: 'domain',
      languageTld: 'gr',
      automaticLanguage: { language: 'el', name: 'Ελληνικά', source: 'domain', tld: 'gr' },
    });
    expect(await call(app, 'getCustomerEmail', { customerId: swiss })).toMatchObject({
      effectiveLanguage: 'de',
      languageSource: 'default',
    });
    expect(await call(app, 'getCustomerEmail', { customerId: chosen })).toMatchObject({
      language: 'it',
      languageSource: 'customer',
      automaticLanguage: { language: 'fr', source: 'domain', tld: 'fr' },
    });
    await call(app, 'sendBulkEmail', {
      operationId: 'operation-languages',
      recipients: { kind: 'customers', customerIds: [greek, swiss, chosen] },
      template: 'invitation',
    });
    const messages = await smtp.waitForMessages(3);
    const subjectTo = (address: string) =>
      messages.find((message) => !Array.isArray(message.to) && message.to?.value[0]?.address === address)?.subject;
    expect(subjectTo('it@etairia.gr')).toMatch(/^Παρακαλούμε εξουσιοδοτήστε/);
    expect(subjectTo('it@firma.ch')).toMatch(/^Bitte autorisieren Sie/);
    expect(subjectTo('it@societe.fr')).toMatch(/^Richiesta di autorizzazione/);
    // An unknown language asked for by name is refused.
    expect(
      (await callError(app, 'previewEmail', { customerId: greek, template: 'invitation', language: 'sv' })).code,
    ).toBe('invalid-request');
  });
});
