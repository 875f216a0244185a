// The leak test: secrets are stored through the real OS keychain, the flows run (sandbox sign-in with the
// sandbox client secret, a customer taken to verification, an email over SMTP with a password, errors logged),
// and then the whole data folder (database, WAL, logs), every answer the renderer received and the diagnostics
// are searched for each secret. None may appear anywhere but in the keychain.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainCredentialStore } from '../../../main/platform/keychain/credential-store';
import { smtpPasswordCredential } from '../../../main/features/email/email-settings-service';
import { sandboxClientSecretName } from '../../../main/microsoft/partner-center-connection';
import type { Method, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { distributorProfile, indirectDetails } from '../../support/customer-fixtures';
import { call } from '../../support/ipc-call';
import { loopbackEmailSettings } from '../../support/loopback-email-settings';
import { startSmtpTestServer, type SmtpTestServer } from '../../support/smtp-test-server';
import { startTestApp, type TestApp } from '../../support/test-app';

const hasKeychain =
  process.platform === 'linux' && (Boolean(process.env.DBUS_SESSION_BUS_ADDRESS) || process.env.CI === 'true');

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.runIf(hasKeychain)('secrets never leak', () => {
  const credentials = createKeychainCredentialStore(`AuthDesk-leak-${randomUUID()}`);
  const smtpPassword = `Leak-Pässwort-${randomUUID()}`;
  const answers: string[] = [];
  let app: TestApp;
  let smtp: SmtpTestServer;
  let sandboxSecret: string;

  // Every answer the renderer would receive, kept to be searched afterwards.
  async function rendererCall<M extends Method>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
    const response = await call(app, method, request);
    answers.push(JSON.stringify(response));
    return response;
  }

  beforeAll(async () => {
    smtp = await startSmtpTestServer({ user: 'mailer', password: smtpPassword });
    app = await startTestApp({ credentials });
    sandboxSecret = (await credentials.get(sandboxClientSecretName)) ?? '';
    expect(sandboxSecret.length).toBeGreaterThan(20);

    await rendererCall('savePartnerProfile', distributorProfile);
    await rendererCall('saveEmailSettings', {
      settings: loopbackEmailSettings(smtp.port, {
        user: 'mailer',
        fromAddress: 'desk@contoso.example',
        fromName: 'Desk',
      }),
      password: smtpPassword,
    });
    const { detail } = await rendererCall('createCustomer', indirectDetails());
    const customerId = detail.customer.id;
    await rendererCall('recordHandOff', { customerId, channel: 'copy-link' });
    await rendererCall('sendEmail', { customerId, template: 'invitation', language: null, requestId: 'leak-0001' });
    await smtp.waitForMessages(1);
    await rendererCall('sandboxAcceptInvitation', {
      customerId,
      grantDelegatedAdmin: true,
      associateReseller: true,
      customDefaultDomain: null,
    });
    await rendererCall('verifyAuthorization', {
      customerId,
      defaultDomain: detail.customer.domainPrefix + '.onmicrosoft.com',
    });
    await rendererCall('getEmailSettings', {});
    await rendererCall('getAppInfo', {});
    // A library error that echoes credentials back (as some do) goes to the log like any other error.
    app.services.logger.error('SMTP said', new Error(`535 authentication failed for mailer:${smtpPassword}`));
    app.services.logger.warn('Token endpoint answered', `client_secret=${sandboxSecret}&grant_type=client_credentials`);
    answers.push((await rendererCall('getDiagnostics', {})).text);
    await app.restart();
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await credentials.delete(smtpPasswordCredential);
    await credentials.delete(sandboxClientSecretName);
  });

  it('keeps both secrets in the keychain', async () => {
    expect(await credentials.get(smtpPasswordCredential)).toBe(smtpPassword);
    expect(await credentials.get(sandboxClientSecretName)).toBe(sandboxSecret);
  });

  it('writes no secret to any file of the data folder: database, WAL or logs', () => {
    const files = filesUnder(app.dataDir);
    expect(files.some((file) => file.endsWith('authdesk.db'))).toBe(true);
    expect(files.some((file) => file.endsWith('authdesk.log'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of [smtpPassword, sandboxSecret]) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${file} holds a secret`).toBe(false);
      }
    }
    // The log still says what happened, with the secret masked.
    const log = readFileSync(join(app.dataDir, 'logs', 'authdesk.log'), 'utf8');
    expect(log).toContain('535 authentication failed for mailer:[redacted]');
    expect(log).toContain('client_secret=[redacted]');
  });

  it('sends no secret to the renderer, diagnostics included', () => {
    expect(answers.length).toBeGreaterThan(8);
    for (const answer of answers) {
      expect(answer.includes(smtpPassword)).toBe(false);
      expect(answer.includes(sandboxSecret)).toBe(false);
    }
  });
});
