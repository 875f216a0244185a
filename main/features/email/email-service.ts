// Sending email to customers: render a template for a customer (preview), send it through SMTP or hand it to
// the user's mail client, send many with progress and a pace limit, and try failed sends again later.
// Every message is recorded in the outbox under a key per (customer, template, step) before it is sent, so
// one click never sends the same message twice; every outcome is an event in the customer's history.
import { mailtoLengthLimit, mailtoUrl } from '../../../shared/domain/customer-instructions';
import type { Customer } from '../../../shared/domain/customer';
import type { EmailPreview, SendResult, UnsentEmail } from '../../../shared/email/email-messages';
import type { EmailLanguage, EmailTemplateKind } from '../../../shared/email/email-template';
import { emailTemplateKindLabels } from '../../../shared/email/email-template';
import { placeholderValues } from '../../../shared/email/placeholder-values';
import { renderEmail } from '../../../shared/email/render-template';
import type { CustomerDetail } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/ipc-error';
import { cancelOutbox, completeOutbox, failOutbox, type OutboxItem } from '../../platform/outbox/outbox-repository';
import {
  claimEmail,
  dueEmailIds,
  emailPayloadSchema,
  listUnsentEmails,
  recordEmail,
  requeueFailedEmails,
  type EmailPayload,
} from './email-outbox';
import { getCustomerLanguage } from './email-repository';
import { SmtpSendError, type Mailer } from './smtp-mailer';
import { openExternalSafely, type OpenExternal } from '../../platform/security/external-url-policy';
import { customerDetail, recordChange, requireCustomer, requireProfile } from '../customers/customer-records';
import type { EmailSettingsService } from './email-settings-service';
import type { ServiceContext } from '../../platform/service-context';

export interface EmailService {
  preview(customerId: string, template: EmailTemplateKind, language: EmailLanguage | null): EmailPreview;
  // step: what makes this message distinct (the click's request id; a reminder's number).
  send(
    customerId: string,
    template: EmailTemplateKind,
    language: EmailLanguage | null,
    step: string,
  ): Promise<SendResult>;
  openInMailClient(
    customerId: string,
    template: EmailTemplateKind,
    language: EmailLanguage | null,
  ): Promise<{ detail: CustomerDetail; opened: boolean; preview: EmailPreview }>;
  recordCopied(customerId: string, template: EmailTemplateKind, language: EmailLanguage | null): CustomerDetail;
  sendBulk(
    operationId: string,
    recipients: { customerId: string; step: string; template: EmailTemplateKind }[],
    kind: string,
  ): Promise<SendResult[]>;
  sendTest(to: string): Promise<{ message: string }>;
  retryDue(): Promise<SendResult[]>;
  retryFailedNow(): Promise<SendResult[]>;
  listUnsent(): UnsentEmail[];
  // Tries due retries every intervalMs until stopped (the app calls it once at start).
  startRetrying(intervalMs: number): () => void;
}

const retryDelaysMinutes = [5, 15, 60, 240, 720];
const maxAttempts = retryDelaysMinutes.length + 1;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createEmailService(
  context: ServiceContext,
  dependencies: { settings: EmailSettingsService; mailer: Mailer; openExternal: OpenExternal },
): EmailService {
  const { settings } = dependencies;

  function languageFor(customer: Customer, requested: EmailLanguage | null): EmailLanguage {
    return requested ?? getCustomerLanguage(context.db, customer.id) ?? settings.settings().defaultLanguage;
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

  function preview(customerId: string, template: EmailTemplateKind, requested: EmailLanguage | null): EmailPreview {
    const customer = requireCustomer(context, customerId);
    const link = requireSendable(customer, template);
    const language = languageFor(customer, requested);
    const rendered = renderEmail(
      settings.template(template, language),
      placeholderValues(customer, requireProfile(context), link, language),
    );
    const tooLong =
      mailtoUrl(customer.contactEmail, { subject: rendered.subject, body: rendered.text }).length > mailtoLengthLimit;
    return { customerId, template, language, to: customer.contactEmail, ...rendered, mailtoTooLong: tooLong };
  }

  // The history entry; the first hand-off of the link also moves "Link ready" to "Sent".
  function recordEmailEvent(
    customerId: string,
    payload: Pick<EmailPayload, 'template' | 'language' | 'to' | 'step'>,
    transport: 'smtp' | 'mail-client',
    result: { ok: true; detail: string } | { ok: false; error: string },
  ): CustomerDetail {
    const customer = requireCustomer(context, customerId);
    const label = emailTemplateKindLabels[payload.template].replace(/ \(.*\)$/, '').toLowerCase();
    const firstHandOff = result.ok && customer.status === 'link-ready';
    const how = transport === 'smtp' ? 'by SMTP' : 'in the mail client';
    return recordChange(context, firstHandOff ? { ...customer, status: 'sent' } : null, customerId, {
      type: result.ok ? 'email-sent' : 'email-failed',
      summary: result.ok
        ? `${capitalize(label)} email ${transport === 'smtp' ? 'sent' : 'opened'} ${how} to ${payload.to} (${payload.language})${firstHandOff ? '; marked as sent' : ''}`
        : `${capitalize(label)} email to ${payload.to} not sent: ${result.error}`,
      data: {
        template: payload.template,
        language: payload.language,
        recipient: payload.to,
        transport,
        step: payload.step,
        result: result.ok ? result.detail : result.error,
      },
    });
  }

  // Sends one recorded outbox item; the caller has claimed it.
  async function deliver(item: OutboxItem, companyName: string): Promise<SendResult> {
    const payload = emailPayloadSchema.parse(item.payload);
    const base = { customerId: payload.customerId, companyName, to: payload.to };
    try {
      const account = await settings.smtpAccount();
      const info = await dependencies.mailer(account, payload);
      completeOutbox(context.db, item.id, context.now());
      recordEmailEvent(payload.customerId, payload, 'smtp', { ok: true, detail: info.response || 'accepted' });
      return { ...base, outcome: 'sent', message: `Sent to ${payload.to}.`, retryAt: null };
    } catch (error) {
      const message =
        error instanceof SmtpSendError || error instanceof AppError ? error.message : 'Sending failed unexpectedly.';
      const transient = error instanceof SmtpSendError && error.transient && item.attempts < maxAttempts;
      const delay = retryDelaysMinutes[Math.min(item.attempts - 1, retryDelaysMinutes.length - 1)] ?? 60;
      const retryAt = transient ? new Date(context.now().getTime() + delay * 60_000) : null;
      failOutbox(context.db, item.id, message, retryAt, context.now());
      recordEmailEvent(payload.customerId, payload, 'smtp', { ok: false, error: message });
      const kept = retryAt
        ? ' The message is kept and will be tried again later.'
        : ' The message is kept: fix the problem, then use “Retry failed emails”.';
      return { ...base, outcome: 'failed', message: `${message}${kept}`, retryAt: retryAt?.toISOString() ?? null };
    }
  }

  async function send(
    customerId: string,
    template: EmailTemplateKind,
    language: EmailLanguage | null,
    step: string,
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
    };
    const item = recordEmail(context.db, payload, context.now());
    const base = { customerId, companyName: customer.companyName, to: rendered.to, retryAt: null };
    if (item.status === 'done') {
      return { ...base, outcome: 'already-sent', message: `Already sent to ${rendered.to}; not sent again.` };
    }
    if (item.status === 'cancelled') return { ...base, outcome: 'skipped', message: 'This message was cancelled.' };
    if (item.status === 'failed') {
      return {
        ...base,
        outcome: 'failed',
        message: `${item.lastError ?? 'Sending failed.'} Use “Retry failed emails” to try again.`,
      };
    }
    if (!claimEmail(context.db, item.id, context.now())) {
      return { ...base, outcome: 'in-progress', message: 'This message is already being sent.' };
    }
    return deliver({ ...item, attempts: item.attempts + 1, status: 'running' }, customer.companyName);
  }

  async function retryIds(ids: number[]): Promise<SendResult[]> {
    const results: SendResult[] = [];
    const unsent = new Map(listUnsentEmails(context.db).map((email) => [email.id, email]));
    for (const id of ids) {
      const email = unsent.get(id);
      if (!email) continue;
      const customer = requireCustomer(context, email.payload.customerId);
      // Reminders stop once a customer authorizes: a queued invitation or reminder is dropped, not sent.
      const authorized = ['authorized', 'checked-out', 'archived'].includes(customer.status);
      if (authorized && email.payload.template !== 'thank-you') {
        cancelOutbox(context.db, id, context.now());
        continue;
      }
      if (!claimEmail(context.db, id, context.now())) continue;
      const item: OutboxItem = {
        id,
        idempotencyKey: '',
        kind: 'email',
        payload: email.payload,
        status: 'running',
        attempts: email.attempts + 1,
        nextAttemptAt: email.nextAttemptAt,
        lastError: email.lastError,
        createdAt: '',
        updatedAt: '',
        completedAt: null,
      };
      results.push(await deliver(item, customer.companyName));
    }
    return results;
  }

  const retryDue = () => retryIds(dueEmailIds(context.db, context.now()));

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
        customerId,
        { template, language: rendered.language, to: rendered.to, step: 'copied' },
        'mail-client',
        { ok: true, detail: 'copied for the mail client (too long for a mail link)' },
      );
    },
    async sendBulk(operationId, recipients, kind) {
      const { messagesPerMinute } = settings.settings();
      const interval = 60_000 / messagesPerMinute;
      const results: SendResult[] = [];
      let failed = 0;
      let lastSentAt = 0;
      const total = recipients.length;
      context.emit('operationProgress', { operationId, kind, done: 0, total, failed });
      for (const recipient of recipients) {
        const wait = lastSentAt + interval - Date.now();
        if (lastSentAt > 0 && wait > 0) await sleep(wait);
        let result: SendResult;
        try {
          result = await send(recipient.customerId, recipient.template, null, recipient.step);
          if (result.outcome === 'sent' || result.outcome === 'failed') lastSentAt = Date.now();
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
    retryDue,
    async retryFailedNow() {
      requeueFailedEmails(context.db, context.now());
      return retryDue();
    },
    listUnsent: () =>
      listUnsentEmails(context.db).map((email) => ({
        id: email.id,
        customerId: email.payload.customerId,
        to: email.payload.to,
        subject: email.payload.subject,
        status: email.status,
        lastError: email.lastError,
        nextAttemptAt: email.nextAttemptAt,
        attempts: email.attempts,
      })),
    startRetrying(intervalMs) {
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        retryDue()
          .catch((error: unknown) => console.error('[email] retry failed', error))
          .finally(() => {
            running = false;
          });
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
