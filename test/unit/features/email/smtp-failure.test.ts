// The SMTP errors nodemailer reports, turned into sentences a user can act on, and whether a later retry can
// help (the integration tests cover the ones a loopback server can produce; these cover the rest).
import { describe, expect, it } from 'vitest';
import { smtpFailure } from '../../../../main/features/email/smtp-mailer';

const server = { host: 'smtp.contoso.example', port: 587 };

describe('smtpFailure', () => {
  it.each([
    [
      { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 bad credentials' },
      /refused the user name or password.*535 5\.7\.8/,
      false,
    ],
    [{ code: 'ESOCKET', message: 'connect ECONNREFUSED 10.0.0.1:587' }, /connection was refused/, true],
    [{ code: 'EDNS', message: 'getaddrinfo ENOTFOUND smtp.contoso.example' }, /could not be found/, true],
    [{ code: 'ETIMEDOUT', message: 'Connection timeout' }, /did not answer in time/, true],
    [{ code: 'ESOCKET', message: 'wrong version number' }, /check the TLS mode/, false],
    [
      { code: 'EENVELOPE', responseCode: 452, response: '452 4.2.2 mailbox full' },
      /deferred the message \(temporary error 452\)/,
      true,
    ],
    [{ code: 'EMESSAGE', responseCode: 554, response: '554 5.7.1 spam' }, /rejected the message \(error 554\)/, false],
  ])('%o', (error, message, transient) => {
    const failure = smtpFailure(error, server);
    expect(failure.message).toMatch(message);
    expect(failure.transient).toBe(transient);
  });
});
