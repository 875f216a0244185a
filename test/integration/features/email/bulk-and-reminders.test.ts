// Bulk email and follow-ups against the real services and a real SMTP server on 127.0.0.1, with the clock
// injected: a bulk send reports progress and a result per recipient, and the same operation never sends twice;
// reminders fall due 3 and 7 days after the link went out, can be snoozed and rescheduled, are sent once, and
// stop when the customer authorizes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { loopbackEmailSettings } from '../../../support/loopback-email-settings';
import { startSmtpTestServer, type SmtpTestServer } from '../../../support/smtp-test-server';
import { startTestApp, type TestApp } from '../../../support/test-app';

const dayMs = 24 * 60 * 60 * 1000;

describe('bulk email and reminders', () => {
  let app: TestApp;
  let smtp: SmtpTestServer;
  let now = new Date('2026-03-02T09:00:00.000Z');
  beforeEach(async () => {
    now = new Date('2026-03-02T09:00:00.000Z');
    smtp = await startSmtpTestServer();
    app = await startTestApp({ now: () => now });
    await call(app, 'savePartnerProfile', distributorProfile);
    await call(app, 'saveEmailSettings', { settings: loopbackEmailSettings(smtp.port) });
  });
  afterEach(async () => {
    await app.close();
    await smtp.close();
  });

  async function customers(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const { detail } = await call(
        app,
        'createCustomer',
        indirectDetails({ companyName: `Customer ${index}`, contactEmail: `admin${index}@customer${index}.example` }),
      );
      ids.push(detail.customer.id);
    }
    return ids;
  }

  it('sends to many with progress and a result each; the same operation again sends nothing', async () => {
    const ids = await customers(12);
    // An archived customer is not emailed: reported, the others still go.
    const draft = (await call(app, 'createCustomer', indirectDetails({ companyName: 'Archived Ltd' }))).detail.customer
      .id;
    await call(app, 'archiveCustomers', { customerIds: [draft], operationId: 'archive-draft' });
    // Only the send's progress is followed below, not the archive's.
    app.pushed.length = 0;
    const results = await call(app, 'sendBulkEmail', {
      operationId: 'operation-bulk-1',
      customerIds: [...ids, draft],
      template: 'invitation',
    });
    expect(results.filter((result) => result.outcome === 'sent')).toHaveLength(12);
    expect(results.at(-1)).toMatchObject({ customerId: draft, outcome: 'skipped' });
    expect(results.at(-1)?.message).toMatch(/archived/);
    await smtp.waitForMessages(12);
    expect(smtp.recipients.flat().sort()).toEqual(
      ids.map((_, index) => `admin${index}@customer${index}.example`).sort(),
    );
    const progress = app.pushed.filter((push) => push.event === 'operationProgress').map((push) => push.payload);
    expect(progress[0]).toEqual({ operationId: 'operation-bulk-1', kind: 'send-email', done: 0, total: 13, failed: 0 });
    expect(progress.at(-1)).toEqual({
      operationId: 'operation-bulk-1',
      kind: 'send-email',
      done: 13,
      total: 13,
      failed: 1,
    });
    expect(progress).toHaveLength(14);

    // The same click delivered twice (a retry of the request): nothing new goes out.
    const again = await call(app, 'sendBulkEmail', {
      operationId: 'operation-bulk-1',
      customerIds: ids,
      template: 'invitation',
    });
    expect(new Set(again.map((result) => result.outcome))).toEqual(new Set(['already-sent']));
    // Nothing left to send in the background either: the durable worker has no attempt under way.
    await app.services.offline.outbox.idle();
    expect(smtp.messages).toHaveLength(12);
    const detail = await call(app, 'getCustomer', { customerId: ids[0]! });
    expect(detail.customer.status).toBe('sent');
    expect(detail.events.filter((event) => event.type === 'email-sent')).toHaveLength(1);
  });

  it('keeps a deferred bulk message and sends it once when retried later', async () => {
    const ids = await customers(3);
    smtp.behaviour = 'defer';
    const results = await call(app, 'sendBulkEmail', {
      operationId: 'operation-defer-1',
      customerIds: ids,
      template: 'invitation',
    });
    expect(results.map((result) => result.outcome)).toEqual(['failed', 'failed', 'failed']);
    expect(results[0]!.retryAt).toBe(new Date(now.getTime() + 5 * 60_000).toISOString());
    smtp.behaviour = 'accept';
    // Not yet due: the outbox worker looks and leaves them waiting.
    const outbox = app.services.offline.outbox;
    outbox.wake();
    const waiting = await call(app, 'listUnsentEmails', {});
    expect(waiting.map((email) => [email.status, email.attempts])).toEqual([
      ['pending', 1],
      ['pending', 1],
      ['pending', 1],
    ]);
    // Due: the worker sends each of them once, by itself.
    now = new Date(now.getTime() + 6 * 60_000);
    outbox.wake();
    await outbox.idle();
    expect(await call(app, 'listUnsentEmails', {})).toEqual([]);
    outbox.wake();
    await outbox.idle();
    expect((await smtp.waitForMessages(3)).length).toBe(3);
    expect(smtp.messages).toHaveLength(3);
    for (const customerId of ids) {
      const { events } = await call(app, 'getCustomer', { customerId });
      expect(events.filter((event) => event.type.startsWith('email-')).map((event) => event.type)).toEqual([
        'email-failed',
        'email-sent',
      ]);
    }
  });

  it('makes reminders due 3 and 7 days after the link was sent, once each, and stops them on authorization', async () => {
    const [first, second] = await customers(2);
    await call(app, 'recordHandOff', { customerId: first!, channel: 'copy-link' });
    await call(app, 'recordHandOff', { customerId: second!, channel: 'copy-link' });
    const state = await call(app, 'getCustomerEmail', { customerId: first! });
    expect(state.reminders.map((reminder) => reminder.dueAt)).toEqual([
      '2026-03-05T09:00:00.000Z',
      '2026-03-09T09:00:00.000Z',
    ]);
    expect(await call(app, 'listDueReminders', {})).toEqual([]);

    now = new Date(now.getTime() + 3 * dayMs);
    const due = await call(app, 'listDueReminders', {});
    expect(due.map((reminder) => [reminder.companyName, reminder.step])).toEqual([
      ['Customer 0', 1],
      ['Customer 1', 1],
    ]);

    // Snoozing one takes it off today's list; German for the other.
    await call(app, 'snoozeReminders', { customerId: second!, days: 2 });
    await call(app, 'setCustomerEmailPreferences', { customerId: first!, language: 'de', reminderDays: null });
    expect((await call(app, 'listDueReminders', {})).map((reminder) => reminder.customerId)).toEqual([first]);

    const sent = await call(app, 'sendDueReminders', { operationId: 'operation-remind-1', customerIds: null });
    expect(sent.map((result) => result.outcome)).toEqual(['sent']);
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.subject).toBe(
      'Erinnerung: Ihre Microsoft 365-Bestellung für Customer 0 wartet auf Ihre Autorisierung',
    );
    expect(await call(app, 'listDueReminders', {})).toEqual([]);
    // Another click for the same reminder sends nothing more.
    expect(await call(app, 'sendDueReminders', { operationId: 'operation-remind-2', customerIds: [first!] })).toEqual(
      [],
    );

    // The second customer authorizes while snoozed: no reminder ever again.
    await call(app, 'sandboxAcceptInvitation', {
      customerId: second!,
      grantDelegatedAdmin: true,
      associateReseller: true,
      customDefaultDomain: null,
    });
    await call(app, 'verifyAuthorization', { customerId: second!, defaultDomain: 'litware.onmicrosoft.com' });
    now = new Date(now.getTime() + 5 * dayMs);
    const later = await call(app, 'listDueReminders', {});
    expect(later.map((reminder) => [reminder.customerId, reminder.step])).toEqual([[first, 2]]);
    expect((await call(app, 'getCustomerEmail', { customerId: second! })).remindersActive).toBe(false);
    expect(
      (await callError(app, 'previewEmail', { customerId: second!, template: 'reminder', language: null })).message,
    ).toMatch(/already authorized/);

    const history = (await call(app, 'getCustomer', { customerId: first! })).events;
    expect(history.at(-1)).toMatchObject({
      type: 'email-sent',
      data: {
        template: 'reminder',
        language: 'de',
        transport: 'smtp',
        step: '1',
        recipient: 'admin0@customer0.example',
      },
    });
  });

  it('follows a per-customer schedule', async () => {
    const [id] = await customers(1);
    await call(app, 'recordHandOff', { customerId: id!, channel: 'copy-instructions' });
    const { state } = await call(app, 'setCustomerEmailPreferences', {
      customerId: id!,
      language: null,
      reminderDays: [1],
    });
    expect(state.effectiveReminderDays).toEqual([1]);
    now = new Date(now.getTime() + dayMs);
    expect((await call(app, 'listDueReminders', {})).map((reminder) => reminder.step)).toEqual([1]);
  });

  it('refuses unknown placeholders in a template edit with a clear message, and keeps the old text', async () => {
    const error = await callError(app, 'saveEmailTemplate', {
      kind: 'reminder',
      language: 'en',
      subject: 'Hi {{contact}}',
      body: 'Open {{link}}',
    });
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(/Unknown placeholder \{\{contact\}\} in the subject/);
    expect(error.fieldErrors?.subject).toMatch(/Use one of: \{\{companyName\}\}/);
    const templates = await call(app, 'listEmailTemplates', {});
    expect(templates.find((template) => template.kind === 'reminder' && template.language === 'en')?.edited).toBe(
      false,
    );

    const saved = await call(app, 'saveEmailTemplate', {
      kind: 'reminder',
      language: 'en',
      subject: 'Nudge for {{companyName}}',
      body: 'Hi {{contactName}}, open {{link}}',
    });
    expect(saved.edited).toBe(true);
    const [id] = await customers(1);
    await call(app, 'recordHandOff', { customerId: id!, channel: 'copy-link' });
    const preview = await call(app, 'previewEmail', { customerId: id!, template: 'reminder', language: null });
    expect(preview.subject).toBe('Nudge for Customer 0');
    expect((await call(app, 'resetEmailTemplate', { kind: 'reminder', language: 'en' })).edited).toBe(false);
  });
});
