// Bulk email and follow-ups against the real services and a real SMTP server on 127.0.0.1, with the clock
// injected: a bulk send reports progress and a result per recipient, and the same operation never sends twice;
// reminders fall due 3 and 7 days after the link went out, can be snoozed and rescheduled, are sent once, and
// stop when the customer authorizes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultQueueFilter } from '../../../../shared/domain/queue-query';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { loopbackEmailSettings } from '../../../support/loopback-email-settings';
import { startSmtpTestServer, type SmtpTestServer } from '../../../support/smtp-test-server';
import { startTestApp, type TestApp } from '../../../support/test-app';
import { makeTempDir } from '../../../support/temp-dir';

const dayMs = 24 * 60 * 60 * 1000;

describe('bulk email and reminders', () => {
  let app: TestApp;
  let smtp: SmtpTestServer;
  let now = new Date('2026-03-02T09:00:00.000Z');
  // Where the save dialog "chooses" to put a file.
  let saved: ReturnType<typeof makeTempDir>;
  beforeEach(async () => {
    now = new Date('2026-03-02T09:00:00.000Z');
    saved = makeTempDir();
    smtp = await startSmtpTestServer();
    app = await startTestApp({ now: () => now, chooseSavePath: async (name) => path.join(saved.dir, name) });
    await call(app, 'savePartnerProfile', distributorProfile);
    await call(app, 'saveEmailSettings', { settings: loopbackEmailSettings(smtp.port) });
  });
  afterEach(async () => {
    await app.close();
    await smtp.close();
    saved.remove();
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

  // The whole due list, read as the window reads it: one window at a time.
  async function dueNow() {
    const first = await call(app, 'listDueReminders', { offset: 0, limit: 200 });
    expect(first.reminders.length).toBe(Math.min(first.total, 200));
    return first.reminders;
  }

  it('sends to many with progress and a result each; the same operation again sends nothing', async () => {
    const ids = await customers(12);
    // An archived customer is not emailed: main leaves it out of the recipients, the others still go.
    const draft = (await call(app, 'createCustomer', indirectDetails({ companyName: 'Archived Ltd' }))).detail.customer
      .id;
    await call(app, 'archiveCustomers', {
      selection: { kind: 'customers', customerIds: [draft] },
      operationId: 'archive-draft',
    });
    const named = { kind: 'customers' as const, customerIds: [...ids, draft] };
    const preview = await call(app, 'previewBulkEmail', { recipients: named });
    expect(preview).toMatchObject({ total: 13, recipients: 12, alreadyAuthorized: 0, withoutLink: 1 });
    expect(preview.sample.map((recipient) => recipient.customerId)).toEqual(ids);
    // Only the send's progress is followed below, not the archive's.
    app.pushed.length = 0;
    const summary = await call(app, 'sendBulkEmail', {
      operationId: 'operation-bulk-1',
      recipients: named,
      template: 'invitation',
    });
    expect([summary.total, summary.sent]).toEqual([12, 12]);
    expect(summary.results.map((result) => result.customerId).sort()).toEqual([...ids].sort());
    await smtp.waitForMessages(12);
    expect(smtp.recipients.flat().sort()).toEqual(
      ids.map((_, index) => `admin${index}@customer${index}.example`).sort(),
    );
    const progress = app.pushed.filter((push) => push.event === 'operationProgress').map((push) => push.payload);
    expect(progress[0]).toEqual({ operationId: 'operation-bulk-1', kind: 'send-email', done: 0, total: 12, failed: 0 });
    expect(progress.at(-1)).toEqual({
      operationId: 'operation-bulk-1',
      kind: 'send-email',
      done: 12,
      total: 12,
      failed: 0,
    });
    expect(progress).toHaveLength(13);

    // The same click delivered twice (a retry of the request): nothing new goes out.
    const again = await call(app, 'sendBulkEmail', {
      operationId: 'operation-bulk-1',
      recipients: { kind: 'customers', customerIds: ids },
      template: 'invitation',
    });
    expect(new Set(again.results.map((result) => result.outcome))).toEqual(new Set(['already-sent']));
    // Nothing left to send in the background either: the durable worker has no attempt under way.
    await app.services.offline.outbox.idle();
    expect(smtp.messages).toHaveLength(12);
    const detail = await call(app, 'getCustomer', { customerId: ids[0]! });
    expect(detail.customer.status).toBe('sent');
    expect(detail.events.filter((event) => event.type === 'email-sent')).toHaveLength(1);
  });

  it('resolves a bulk email over the queue filter in main: only its customers, less those authorized', async () => {
    const ids = await customers(6);
    const other = (
      await call(
        app,
        'createCustomer',
        indirectDetails({ companyName: 'Elsewhere Inc', contactEmail: 'it@else.example' }),
      )
    ).detail.customer.id;
    await call(app, 'sandboxAcceptInvitation', {
      customerId: ids[5]!,
      grantDelegatedAdmin: true,
      associateReseller: true,
      customDefaultDomain: null,
    });
    await call(app, 'verifyAuthorization', { customerId: ids[5]!, defaultDomain: 'litware.onmicrosoft.com' });
    const filter = { ...defaultQueueFilter, search: 'Customer', status: 'all' as const };
    const recipients = { kind: 'filter' as const, filter };
    expect(await call(app, 'previewBulkEmail', { recipients })).toMatchObject({
      total: 6,
      recipients: 5,
      alreadyAuthorized: 1,
      withoutLink: 0,
    });
    // The mail merge goes into the file main was told to save, row for row the recipients, statuses named.
    const merge = await call(app, 'exportMailMergeCsv', { recipients, operationId: 'operation-merge-1' });
    expect(merge).toEqual({ fileName: 'authdesk-mail-merge.csv', rows: 5, cancelled: false });
    const lines = readFileSync(path.join(saved.dir, 'authdesk-mail-merge.csv'), 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFCompany,Contact,Email,Authorization link,Status');
    expect(lines.slice(1, -1)).toHaveLength(5);
    expect(lines.at(-1)).toBe('');
    const links = await Promise.all(
      ids
        .slice(0, 5)
        .map(async (customerId) => (await call(app, 'getCustomer', { customerId })).customer.authorizationLink),
    );
    expect(lines.slice(1, -1)).toEqual(
      [0, 1, 2, 3, 4].map(
        (index) => `Customer ${index},Anna Bell,admin${index}@customer${index}.example,${links[index]},Link ready`,
      ),
    );
    expect(app.pushed).toContainEqual({
      event: 'operationProgress',
      payload: { operationId: 'operation-merge-1', kind: 'export-csv', done: 5, total: 5, failed: 0 },
    });
    const summary = await call(app, 'sendBulkEmail', {
      operationId: 'operation-filter-1',
      recipients,
      template: 'invitation',
    });
    expect([summary.total, summary.sent]).toEqual([5, 5]);
    await smtp.waitForMessages(5);
    expect(smtp.recipients.flat().sort()).toEqual(
      [0, 1, 2, 3, 4].map((index) => `admin${index}@customer${index}.example`).sort(),
    );
    expect(
      (await call(app, 'getCustomer', { customerId: other })).events.some((event) => event.type === 'email-sent'),
    ).toBe(false);
  });

  it('keeps a deferred bulk message and sends it once when retried later', async () => {
    const ids = await customers(3);
    smtp.behaviour = 'defer';
    const { results } = await call(app, 'sendBulkEmail', {
      operationId: 'operation-defer-1',
      recipients: { kind: 'customers', customerIds: ids },
      template: 'invitation',
    });
    expect(results.map((result) => result.outcome)).toEqual(['failed', 'failed', 'failed']);
    expect(results[0]!.retryAt).toBe(new Date(now.getTime() + 5 * 60_000).toISOString());
    smtp.behaviour = 'accept';
    // Not yet due: the outbox worker looks and leaves them waiting.
    const outbox = app.services.offline.outbox;
    outbox.wake();
    const waiting = (await call(app, 'listUnsentEmails', {})).emails;
    expect(waiting.map((email) => [email.status, email.attempts])).toEqual([
      ['pending', 1],
      ['pending', 1],
      ['pending', 1],
    ]);
    // Due: the worker sends each of them once, by itself.
    now = new Date(now.getTime() + 6 * 60_000);
    outbox.wake();
    await outbox.idle();
    expect((await call(app, 'listUnsentEmails', {})).emails).toEqual([]);
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
    expect(await dueNow()).toEqual([]);

    now = new Date(now.getTime() + 3 * dayMs);
    const due = await dueNow();
    expect(due.map((reminder) => [reminder.companyName, reminder.step])).toEqual([
      ['Customer 0', 1],
      ['Customer 1', 1],
    ]);

    // Snoozing one takes it off today's list; German for the other.
    await call(app, 'snoozeReminders', { customerId: second!, days: 2 });
    await call(app, 'setCustomerEmailPreferences', { customerId: first!, language: 'de', reminderDays: null });
    expect((await dueNow()).map((reminder) => reminder.customerId)).toEqual([first]);

    const sent = await call(app, 'sendDueReminders', { operationId: 'operation-remind-1', customerIds: null });
    expect(sent.results.map((result) => result.outcome)).toEqual(['sent']);
    expect([sent.total, sent.sent]).toEqual([1, 1]);
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.subject).toBe(
      'Erinnerung: Ihre Microsoft 365-Bestellung für Customer 0 wartet auf Ihre Autorisierung',
    );
    expect(await dueNow()).toEqual([]);
    // Another click for the same reminder sends nothing more.
    expect(await call(app, 'sendDueReminders', { operationId: 'operation-remind-2', customerIds: [first!] })).toEqual({
      total: 0,
      sent: 0,
      results: [],
    });

    // The second customer authorizes while snoozed: no reminder ever again.
    await call(app, 'sandboxAcceptInvitation', {
      customerId: second!,
      grantDelegatedAdmin: true,
      associateReseller: true,
      customDefaultDomain: null,
    });
    await call(app, 'verifyAuthorization', { customerId: second!, defaultDomain: 'litware.onmicrosoft.com' });
    now = new Date(now.getTime() + 5 * dayMs);
    const later = await dueNow();
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

  it('hands out the due list a window at a time with the whole count, and sends all due from main', async () => {
    const ids = await customers(60);
    for (const customerId of ids) await call(app, 'recordHandOff', { customerId, channel: 'copy-link' });
    now = new Date(now.getTime() + 3 * dayMs);
    const windows = [];
    for (let offset = 0; offset < 60; offset += 25)
      windows.push(await call(app, 'listDueReminders', { offset, limit: 25 }));
    expect(windows.map((window) => [window.total, window.offset, window.reminders.length])).toEqual([
      [60, 0, 25],
      [60, 25, 25],
      [60, 50, 10],
    ]);
    expect(windows.flatMap((window) => window.reminders.map((reminder) => reminder.customerId))).toEqual(ids);
    // A change shows in the next window asked for (the list is worked out again, not served stale).
    await call(app, 'snoozeReminders', { customerId: ids[0]!, days: 1 });
    const afterSnooze = await call(app, 'listDueReminders', { offset: 0, limit: 1 });
    expect([afterSnooze.total, afterSnooze.reminders[0]?.customerId]).toEqual([59, ids[1]]);

    const summary = await call(app, 'sendDueReminders', { operationId: 'operation-remind-all', customerIds: null });
    expect([summary.total, summary.sent, summary.results.length]).toEqual([59, 59, 59]);
    expect(new Set((await smtp.waitForMessages(59)).map((mail) => mail.subject)).size).toBe(59);
    expect((await call(app, 'listDueReminders', { offset: 0, limit: 10 })).total).toBe(0);
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
    expect((await dueNow()).map((reminder) => reminder.step)).toEqual([1]);
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
