// A real SMTP server on 127.0.0.1 (smtp-server) for email tests: it can require a password, defer (4xx) or
// reject (5xx) messages, and parses what arrived with mailparser so tests read headers and both parts.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export type SmtpBehaviour = 'accept' | 'defer' | 'reject';

export interface SmtpTestServer {
  port: number;
  messages: ParsedMail[];
  // Envelope recipients in the order messages arrived.
  recipients: string[][];
  behaviour: SmtpBehaviour;
  waitForMessages(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpTestServer(options: { user?: string; password?: string } = {}): Promise<SmtpTestServer> {
  const messages: ParsedMail[] = [];
  const recipients: string[][] = [];
  const state: { behaviour: SmtpBehaviour } = { behaviour: 'accept' };
  const server = new SMTPServer({
    secure: false,
    // Plain connections on loopback: AuthDesk's TLS mode "none". Auth over plain text is allowed only here.
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    authOptional: options.user === undefined,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) {
        callback(null, { user: auth.username });
      } else {
        callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.behaviour === 'defer') {
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        if (state.behaviour === 'reject') {
          callback(Object.assign(new Error('Relaying denied'), { responseCode: 550 }));
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            messages.push(parsed);
            recipients.push(session.envelope.rcptTo.map((address) => address.address));
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    recipients,
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(value: SmtpBehaviour) {
      state.behaviour = value;
    },
    async waitForMessages(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} messages, got ${messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// A port nothing listens on (for "connection refused"): bind, note the port, close.
export async function unusedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
