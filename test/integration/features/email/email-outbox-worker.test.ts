// Email through the one outbox worker, with the clock and timers driven by hand and a real SMTP server on
// 127.0.0.1: a message the server deferred is sent by the worker when its retry time comes (nothing of
// email's own runs it), a bulk send paces itself on the injected timers, and closing the app leaves no timer
// behind, not even a bulk send's pause or a deferred message's retry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { call, callError } from '../../../support/ipc-call';
import { manualClock, type ManualClock } from '../../../support/manual-clock';
import { loopbackEmailSettings } from '../../../support/loopback-email-settings';
import { startSmtpTestServer, type SmtpTestServer } from '../../../support/smtp-test-server';
import { startTestApp, type TestApp } from '../../../support/test-app';

const minuteMs = 60_000;

// Resolves when the services push an event that matches: the test awaits the work, not a number of turns.
function whenPushed(app: TestApp, matches: (push: TestApp['pushed'][number]) => boolean): Promise<void> {
  const pushed = app.pushed;
  const push = pushed.push.bind(pushed);
  return new Promise((resolve) => {
    pushed.push = (...items) => {
      const length = push(...items);
      if (items.some(matches)) {
        pushed.push = push;
        resolve();
      }
      return length;
    };
  });
}

describe('email through the outbox worker', () => {
  let clock: ManualClock;
  let smtp: SmtpTestServer;
  let app: TestApp | null;
  beforeEach(async () => {
    clock = manualClock();
    smtp = await startSmtpTestServer();
    // A daily connectivity probe and no background re-verification: the hours this file moves through stay quick.
    app = await startTestApp({
      now: clock.now,
      offline: { timers: clock.timers, onlineProbeMs: 24 * 60 * minuteMs, background: false },
    });
    await call(app, 'savePartnerProfile', distributorProfile);
  });
  afterEach(async () => {
    await app?.close();
    await smtp.close();
  });

  async function customer(index: number): Promise<string> {
    const { detail } = await call(
      app!,
      'createCustomer',
      indirectDetails({ companyName: `Customer ${index}`, contactEmail: `admin${index}@customer${index}.example` }),
    );
    return detail.customer.id;
  }

  // An invitation to a new customer that the SMTP server defers: the message every test here retries.
  async function deferredInvitation(running: TestApp, requestId: string) {
    await call(running, 'saveEmailSettings', {
      settings: loopbackEmailSettings(smtp.port, { messagesPerMinute: 6000 }),
    });
    const customerId = await customer(0);
    smtp.behaviour = 'defer';
    const { result } = await call(running, 'sendEmail', {
      customerId,
      template: 'invitation',
      language: null,
      requestId,
    });
    return { customerId, result };
  }

  it('retries a deferred message when its time comes on the injected clock, and sends it once', async () => {
    const running = app!;
    const { customerId, result } = await deferredInvitation(running, 'request-worker-1');
    expect(result).toMatchObject({
      outcome: 'failed',
      retryAt: new Date(clock.now().getTime() + 5 * minuteMs).toISOString(),
    });
    smtp.behaviour = 'accept';

    // A moment before its retry time nothing has tried it again.
    await clock.advance(5 * minuteMs - 1);
    expect((await call(running, 'listUnsentEmails', {})).emails).toMatchObject([{ status: 'pending', attempts: 1 }]);
    expect(smtp.messages).toHaveLength(0);

    // Its time: the worker's own timer (on the injected clock) claims and sends it.
    await clock.advance(1);
    await running.services.offline.outbox.idle();
    expect((await call(running, 'listUnsentEmails', {})).emails).toEqual([]);
    expect(smtp.messages).toHaveLength(1);
    const { customer: after, events } = await call(running, 'getCustomer', { customerId });
    expect(after.status).toBe('sent');
    expect(events.filter((event) => event.type.startsWith('email-')).map((event) => event.type)).toEqual([
      'email-failed',
      'email-sent',
    ]);
    // The same click again: already sent, nothing more goes out.
    const again = await call(running, 'sendEmail', {
      customerId,
      template: 'invitation',
      language: null,
      requestId: 'request-worker-1',
    });
    expect(again.result.outcome).toBe('already-sent');
    expect(smtp.messages).toHaveLength(1);
  });

  it('gives up after the last attempt of the email schedule and waits for "Retry failed emails"', async () => {
    const running = app!;
    await deferredInvitation(running, 'request-6');
    // 5, 15, 60, 240 and 720 minutes later: five more attempts, then it needs a person.
    for (const minutes of [5, 15, 60, 240, 720]) {
      // The worker announces every attempt's end; the next one waits for the clock.
      const attempted = whenPushed(running, (push) => push.event === 'outboxChanged');
      await clock.advance(minutes * minuteMs);
      await attempted;
    }
    expect((await call(running, 'listUnsentEmails', {})).emails).toMatchObject([{ status: 'failed', attempts: 6 }]);
    smtp.behaviour = 'accept';
    const retried = await call(running, 'retryFailedEmails', {});
    expect(retried.results.map((entry) => entry.outcome)).toEqual(['sent']);
    expect(smtp.messages).toHaveLength(1);
  });

  it('paces a bulk send on the injected timers, and closing stops its pause and the worker with no timer left', async () => {
    const running = app!;
    await call(running, 'saveEmailSettings', { settings: loopbackEmailSettings(smtp.port, { messagesPerMinute: 1 }) });
    const ids = [await customer(0), await customer(1), await customer(2)];
    const firstSent = whenPushed(
      running,
      (push) => push.event === 'operationProgress' && (push.payload as { done: number }).done === 1,
    );
    const bulk = callError(running, 'sendBulkEmail', {
      operationId: 'operation-paced-1',
      recipients: { kind: 'customers', customerIds: ids },
      template: 'invitation',
    });
    await firstSent;
    // One message a minute: the second waits for the clock, not for real time.
    expect(smtp.messages).toHaveLength(1);
    const secondSent = whenPushed(
      running,
      (push) => push.event === 'operationProgress' && (push.payload as { done: number }).done === 2,
    );
    await clock.advance(minuteMs);
    await secondSent;
    expect(smtp.messages).toHaveLength(2);

    // Closing while the third waits: the bulk send ends, no timer of the app is left, nothing more is sent.
    await running.close();
    app = null;
    expect((await bulk).message).toMatch(/closing/);
    expect(clock.pending()).toBe(0);
    expect(smtp.messages).toHaveLength(2);
  });

  it('leaves no timer of its own running after close, with real timers and a retry waiting', async () => {
    await app?.close();
    const timeouts = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const before = timeouts();
    const running = await startTestApp();
    app = running;
    await call(running, 'savePartnerProfile', distributorProfile);
    const { result } = await deferredInvitation(running, 'request-close-1');
    expect(result.retryAt).not.toBeNull();
    await running.close();
    app = null;
    // Not one more than before the app started (the worker's retry of that message included).
    expect(timeouts()).toBeLessThanOrEqual(before);
  });
});
