// Sending email to customers: render a template for a customer (preview), send it through SMTP or hand it to
// the user's mail client, send many with progress and a pace limit, and put failed sends back in line.
// Every message is recorded in the outbox under a key per (customer, template, step) before it is sent, so
// one click never sends the same message twice; the outbox worker sends it (email-outbox-handler.ts) and
// retries it on email's schedule; every outcome is an event in the customer's history.
import { mailtoLengthLimit, mailtoUrl } from '../../../shared/domain/customer-instructions';
import type { Customer } from '../../../shared/domain/customer';
import type { SendOutcome } from '../../../shared/email/email-messages';
import {
  unsentEmailsWindowLimit,
  type EmailPreview,
  type SendResult,
  type UnsentEmails,
} from '../../../shared/email/email-messages';
import type { EmailLanguageCode, EmailTemplateKind } from '../../../shared/email/email-template';
import { placeholderValues } from '../../../shared/email/placeholder-values';
import { renderEmail } from '../../../shared/email/render-template';
import type { CustomerDetail } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/ipc-error';
import { getOutbox, retryOutboxNow, type OutboxItem } from '../../platform/outbox/outbox-repository';
import type { OutboxWorker } from '../../platform/outbox/outbox-worker';
import type { Timers } from '../../platform/clock/timers';
import {
  countUnsentEmails,
  emailPayloadSchema,
  failedEmailIdsAfter,
  listUnsentEmails,
  recordEmail,
  type EmailPayload,
} from './email-outbox';
import { recordEmailEvent } from './email-events';
import { createSendPacer } from './send-pacer';
import type { GdapService } from '../gdap/gdap-service';
import { SmtpSendError, type Mailer } from './smtp-mailer';
import { teamEmailKey } from './team-email-claims';
import { openExternalSafely, type OpenExternal } from '../../platform/security/external-url-policy';
import { customerDetail, findCustomer, requireCustomer, requireProfile } from '../customers/customer-records';
import type { EmailSettingsService } from './email-settings-service';
import type { ServiceContext } from '../../platform/service-context';

export interface EmailService {
  preview(customerId: string, template: EmailTemplateKind, language: EmailLanguageCode | null): EmailPreview;
  // step: what makes this message distinct (the click's request id; a reminder's number). once: claimed for the
  // team before it is sent (reminders and bulk emails), so no other desktop sends it too.
  send(
    customerId: string,
    template: EmailTemplateKind,
    language: EmailLanguageCode | null,
    step: string,
    options?: { once?: boolean },
  ): Promise<SendResult>;
  openInMailClient(
    customerId: string,
    template: EmailTemplateKind,
    language: EmailLanguageCode | null,
  ): Promise<{ detail: CustomerDetail; opened: boolean; preview: EmailPreview }>;
  recordCopied(customerId: string, template: EmailTemplateKind, language: EmailLanguageCode | null): CustomerDetail;
  sendBulk(
    operationId: string,
    recipients: { customerId: string; step: string; template: EmailTemplateKind }[],
    kind: string,
  ): Promise<SendResult[]>;
  sendTest(to: string): Promise<{ message: string }>;
  // "Retry failed emails": every failed message goes back through the worker now, with each outcome.
  retryFailedNow(): Promise<SendResult[]>;
  // The oldest unsent emails and how many there are.
  listUnsent(): UnsentEmails;
  // Ends the pauses of bulk sends still pacing (the app is closing): no timer is left behind.
  stop(): void;
}

type ResultBase = Pick<SendResult, 'customerId' | 'companyName' | 'to'>;

// What one message's outbox item says about its send, for the user who asked.
function resultOf(item: OutboxItem, base: ResultBase): SendResult {
  const answer = (outcome: SendOutcome, message: string, retryAt: string | null = null): SendResult => ({
    ...base,
    outcome,
    message,
    retryAt,
  });
  const error = item.lastError ?? 'Sending failed.';
  switch (item.status) {
    case 'done':
      // A note: another desktop of the team sent it (or is sending it), and says who.
      return item.lastError ? answer('already-sent', item.lastError) : answer('sent', `Sent to ${base.to}.`);
    case 'pending':
      // Not sent, and the worker tries again by itself at nextAttemptAt.
      return answer('failed', `${error} The message is kept and will be tried again later.`, item.nextAttemptAt);
    case 'failed':
      return answer('failed', `${error} The message is kept: fix the problem, then use “Retry failed emails”.`);
    case 'cancelled':
      return answer('skipped', 'This message was cancelled.');
    case 'running':
      return answer('in-progress', 'This message is already being sent.');
  }
}

export function createEmailService(
  context: ServiceContext,
  dependencies: {
    settings: EmailSettingsService;
    mailer: Mailer;
    openExternal: OpenExternal;
    // The one outbox worker, with the email handler registered: it sends every recorded message.
    worker: OutboxWorker;
    // Paces bulk sends; tests pass hand-driven ones.
    timers: Timers;
    // The customers' GDAP relationships, for the approval link beside the reseller link.
    gdap?: Pick<GdapService, 'get'>;
  },
): EmailService {
  const { settings } = dependencies;
  const pauses = new Set<() => void>();
  let stopped = false;

  function pause(ms: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (stopped) {
        reject(new AppError('conflict', 'AuthDesk is closing: the remaining messages were not sent.'));
        return;
      }
      const end = () => {
        handle.cancel();
        pauses.delete(end);
        reject(new AppError('conflict', 'AuthDesk is closing: the remaining messages were not sent.'));
      };
      const handle = dependencies.timers.after(ms, () => {
        pauses.delete(end);
        resolve();
      });
      pauses.add(end);
    });
  }

  // The language asked for (a language that does not exist is refused), else the customer's: their own
  // choice, the country of their email domain, or the default in Settings.
  function languageFor(customer: Customer, requested: EmailLanguageCode | null): EmailLanguageCode {
    if (requested === null) return settings.customerLanguage(customer).language;
    const known = settings.knownLanguage(requested);
    if (known === null) throw new AppError('invalid-request', `There is no email language “${requested}”.`);
    return known;
  }

  // The customer's GDAP request still waiting for their approval: its link goes beside the reseller link.
  function pendingGdap(customer: Customer): { link: string } | null {
    const relationship = dependencies.gdap?.get(customer.id) ?? null;
    return relationship?.graphStatus === 'approvalPending' ? { link: relationship.invitationLink } : null;
  }

  function requireSendable(customer: Customer, template: EmailTemplateKind): string {
    if (customer.status === 'archived') {
      throw new AppError('conflict', `${customer.companyName} is archived: no email is sent to archived customers.`);
    }
    if (customer.authorizationLink === null) {
      throw new AppError('conflict', `Get the authorization link for ${customer.companyName} first.`);
    }
    const authorized = ['authorized', 'checked-out'].includes(customer.status);
    if (template === 'thank-you' && !authorized) {
      throw new AppError('conflict', `${customer.companyName} has not authorized yet: send the thank-you afterwards.`);
    }
    if (template !== 'thank-you' && authorized) {
      throw new AppError(
        'conflict',
        `${customer.companyName} has already authorized: no invitation or reminder is needed.`,
      );
    }
    return customer.authorizationLink;
  }

  function preview(customerId: string, template: EmailTemplateKind, requested: EmailLanguageCode | null): EmailPreview {
    const customer = requireCustomer(context, customerId);
    const link = requireSendable(customer, template);
    const language = languageFor(customer, requested);
    const rendered = renderEmail(
      settings.template(template, language),
      placeholderValues(customer, requireProfile(context), link, language, pendingGdap(customer)),
    );
    const tooLong =
      mailtoUrl(customer.contactEmail, { subject: rendered.subject, body: rendered.text }).length > mailtoLengthLimit;
    return {
      customerId,
      template,
      language,
      languageName: settings.languageName(language),
      to: customer.contactEmail,
      ...rendered,
      mailtoTooLong: tooLong,
    };
  }

  async function send(
    customerId: string,
    template: EmailTemplateKind,
    language: EmailLanguageCode | null,
    step: string,
    options: { once?: boolean } = {},
  ): Promise<SendResult> {
    const customer = requireCustomer(context, customerId);
    // Fail early (before recording anything) when SMTP is not set up: nothing to retry later.
    await settings.smtpAccount();
    const rendered = preview(customerId, template, language);
    const payload: EmailPayload = {
      customerId,
      template,
      language: rendered.language,
      step,
      to: rendered.to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      ...(options.once && customer.authorizationLink
        ? { teamKey: teamEmailKey(customerId, template, step, customer.authorizationLink) }
        : {}),
    };
    const item = recordEmail(context.db, payload, context.now());
    const base = { customerId, companyName: customer.companyName, to: rendered.to, retryAt: null };
    if (item.status === 'done') {
      return {
        ...base,
        outcome: 'already-sent',
        message: item.lastError ?? `Already sent to ${rendered.to}; not sent again.`,
      };
    }
    if (item.status === 'failed') {
      return {
        ...base,
        outcome: 'failed',
        message: `${item.lastError ?? 'Sending failed.'} Use “Retry failed emails” to try again.`,
      };
    }
    // Cancelled, or being sent right now (a second click while the first is on its way).
    if (item.status !== 'pending') return resultOf(item, base);
    // Recorded and claimed in the same turn: the worker sends it now and the click gets this attempt's outcome.
    const { item: after } = await dependencies.worker.runNow(item.id);
    return resultOf(after, base);
  }

  return {
    preview,
    send,
    async openInMailClient(customerId, template, language) {
      const rendered = preview(customerId, template, language);
      const customer = requireCustomer(context, customerId);
      // Too long for a mailto: link: the renderer copies the message and says so.
      if (rendered.mailtoTooLong)
        return { detail: customerDetail(context, customerId), opened: false, preview: rendered };
      await openExternalSafely(
        dependencies.openExternal,
        mailtoUrl(customer.contactEmail, { subject: rendered.subject, body: rendered.text }),
      );
      const detail = recordEmailEvent(
        context,
        customerId,
        { template, language: rendered.language, to: rendered.to, step: 'mail-client' },
        'mail-client',
        { ok: true, detail: 'opened in the mail client' },
      );
      return { detail, opened: true, preview: rendered };
    },
    recordCopied(customerId, template, language) {
      const rendered = preview(customerId, template, language);
      return recordEmailEvent(
        context,
        customerId,
        { template, language: rendered.language, to: rendered.to, step: 'copied' },
        'mail-client',
        { ok: true, detail: 'copied for the mail client (too long for a mail link)' },
      );
    },
    async sendBulk(operationId, recipients, kind) {
      const pacer = createSendPacer(settings.settings().messagesPerMinute, { now: context.now, pause });
      const results: SendResult[] = [];
      let failed = 0;
      const total = recipients.length;
      context.emit('operationProgress', { operationId, kind, done: 0, total, failed });
      for (const recipient of recipients) {
        await pacer.ready();
        let result: SendResult;
        try {
          result = await send(recipient.customerId, recipient.template, null, recipient.step, { once: true });
          if (result.outcome === 'sent' || result.outcome === 'failed') pacer.sent();
        } catch (error) {
          const customer = (() => {
            try {
              return requireCustomer(context, recipient.customerId);
            } catch {
              return null;
            }
          })();
          result = {
            customerId: recipient.customerId,
            companyName: customer?.companyName ?? 'Unknown customer',
            to: customer?.contactEmail ?? '',
            outcome: 'skipped',
            message: error instanceof AppError ? error.message : 'Could not prepare this message.',
            retryAt: null,
          };
          // Not configured is the same for everyone: stop instead of repeating it for each recipient.
          if (error instanceof AppError && error.code === 'not-configured') throw error;
        }
        if (result.outcome === 'failed' || result.outcome === 'skipped') failed += 1;
        results.push(result);
        context.emit('operationProgress', { operationId, kind, done: results.length, total, failed });
      }
      return results;
    },
    async sendTest(to) {
      const account = await settings.smtpAccount();
      try {
        await dependencies.mailer(account, {
          to,
          subject: 'AuthDesk test message',
          text: 'This is a test message from AuthDesk: your SMTP settings work.',
          html: '<p>This is a test message from <strong>AuthDesk</strong>: your SMTP settings work.</p>',
        });
      } catch (error) {
        if (error instanceof SmtpSendError) throw new AppError('conflict', error.message);
        throw error;
      }
      return { message: `Test message sent to ${to} through ${account.host}:${account.port}.` };
    },
    async retryFailedNow() {
      const results: SendResult[] = [];
      // Walked by id, a page at a time: one that fails again stays behind the key and is not tried twice.
      const retryOne = async (id: number) => {
        const found = getOutbox(context.db, id);
        if (found?.status !== 'failed') return;
        const payload = emailPayloadSchema.parse(found.payload);
        // Back in line and claimed in the same turn, so this attempt's outcome is the one reported.
        retryOutboxNow(context.db, id, context.now());
        const { ran, item } = await dependencies.worker.runNow(id);
        // Cancelled (the customer authorized since) or taken by the worker meanwhile: nothing to report here.
        if (!ran || item.status === 'cancelled') return;
        const companyName = findCustomer(context, payload.customerId)?.companyName ?? 'a removed customer';
        results.push(resultOf(item, { customerId: payload.customerId, companyName, to: payload.to }));
      };
      let afterId = 0;
      for (;;) {
        const page = failedEmailIdsAfter(context.db, afterId, 200);
        if (page.length === 0) break;
        for (const id of page) await retryOne(id);
        afterId = page[page.length - 1] as number;
      }
      return results;
    },
    listUnsent: () => ({
      ...countUnsentEmails(context.db),
      emails: listUnsentEmails(context.db, unsentEmailsWindowLimit).map((email) => ({
        id: email.id,
        customerId: email.payload.customerId,
        to: email.payload.to,
        subject: email.payload.subject,
        status: email.status,
        lastError: email.lastError,
        nextAttemptAt: email.nextAttemptAt,
        attempts: email.attempts,
      })),
    }),
    stop() {
      stopped = true;
      for (const end of [...pauses]) end();
    },
  };
}
