// Sends one multipart message (plain text + HTML) through the user's SMTP server with nodemailer, and turns
// what went wrong into a sentence the user can act on, plus whether trying again later can help.
import nodemailer from 'nodemailer';
import { smtpSettingsProblem, type SmtpSettings } from '../../../shared/email/email-settings';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  // The same for every attempt at one message: sent again after a crash between the server's "accepted" and
  // our record of it, it reaches the customer as the same message, which mail clients show once.
  messageId?: string;
}

export interface SmtpAccount extends SmtpSettings {
  password: string | null;
}

export type Mailer = (account: SmtpAccount, email: OutgoingEmail) => Promise<{ messageId: string; response: string }>;

// transient: a later attempt may work (server busy, network down, 4xx); otherwise a person must fix something.
export class SmtpSendError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'SmtpSendError';
  }
}

interface NodemailerError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

const asNodemailerError = (error: unknown): NodemailerError =>
  typeof error === 'object' && error !== null ? (error as NodemailerError) : { message: String(error) };

export function smtpFailure(error: unknown, account: Pick<SmtpSettings, 'host' | 'port'>): SmtpSendError {
  const failure = asNodemailerError(error);
  const server = `${account.host}:${account.port}`;
  const reply = failure.response ? ` The server said: “${failure.response.trim()}”` : '';
  const text = `${failure.message ?? ''} ${failure.code ?? ''}`;
  if (failure.code === 'EAUTH') {
    return new SmtpSendError(
      `The SMTP server ${server} refused the user name or password. Check them in Settings › Email.${reply}`,
      false,
    );
  }
  if (/ECONNREFUSED/.test(text)) {
    return new SmtpSendError(
      `Could not connect to the SMTP server ${server}: the connection was refused. Check the host and port; AuthDesk will try again later.`,
      true,
    );
  }
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) {
    return new SmtpSendError(`The SMTP server ${account.host} could not be found. Check the host name.`, true);
  }
  if (failure.code === 'ETIMEDOUT' || /timeout/i.test(text)) {
    return new SmtpSendError(`The SMTP server ${server} did not answer in time; AuthDesk will try again later.`, true);
  }
  if (failure.code === 'ETLS' || /wrong version number|certificate|self[- ]signed|TLS/i.test(text)) {
    return new SmtpSendError(
      `The secure connection to ${server} failed: check the TLS mode (STARTTLS or TLS) and port.${reply}`,
      false,
    );
  }
  if (failure.responseCode !== undefined && failure.responseCode >= 400 && failure.responseCode < 500) {
    return new SmtpSendError(
      `The SMTP server ${server} deferred the message (temporary error ${failure.responseCode}); AuthDesk will try again later.${reply}`,
      true,
    );
  }
  if (failure.responseCode !== undefined && failure.responseCode >= 500) {
    return new SmtpSendError(
      `The SMTP server ${server} rejected the message (error ${failure.responseCode}).${reply}`,
      false,
    );
  }
  if (failure.code === 'ECONNECTION' || failure.code === 'ESOCKET') {
    return new SmtpSendError(
      `The connection to the SMTP server ${server} failed (${failure.message ?? failure.code}); AuthDesk will try again later.`,
      true,
    );
  }
  return new SmtpSendError(`Sending through ${server} failed: ${failure.message ?? 'unknown error'}.`, true);
}

export const sendWithNodemailer: Mailer = async (account, email) => {
  // Settings saved before plaintext was limited to loopback are refused here too.
  const problem = smtpSettingsProblem(account);
  if (problem) throw new SmtpSendError(problem, false);
  const transport = nodemailer.createTransport({
    host: account.host,
    port: account.port,
    secure: account.tlsMode === 'tls',
    requireTLS: account.tlsMode === 'starttls',
    ignoreTLS: account.tlsMode === 'none',
    ...(account.user ? { auth: { user: account.user, pass: account.password ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  try {
    const info = await transport.sendMail({
      from: account.fromName ? { name: account.fromName, address: account.fromAddress } : account.fromAddress,
      // Objects and an explicit envelope, so nothing in an address is parsed as another recipient or sender.
      to: { name: '', address: email.to },
      envelope: { from: account.fromAddress, to: [email.to] },
      subject: email.subject,
      text: email.text,
      html: email.html,
      ...(email.messageId ? { messageId: email.messageId } : {}),
    });
    return { messageId: info.messageId, response: info.response };
  } catch (error) {
    throw smtpFailure(error, account);
  } finally {
    transport.close();
  }
};
