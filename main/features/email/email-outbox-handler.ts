// The outbox handler for kind 'email': the one outbox worker claims a recorded message, and this sends it
// through SMTP and records the outcome in the customer's history. It needs no Partner Center, so it runs
// while Microsoft is unreachable, and it keeps out of the "waiting for a connection" list: email has its own
// list of unsent messages and its own "Retry failed emails".
import { AppError } from '../../../shared/ipc/ipc-error';
import type { OutboxHandler } from '../../platform/outbox/outbox-worker';
import { defaultRetrySchedule, type RetrySchedule } from '../../platform/outbox/outbox-backoff';
import type { ServiceContext } from '../../platform/service-context';
import { findCustomer } from '../customers/customer-records';
import { emailIdempotencyKey, emailPayloadSchema, emailOutboxKind } from './email-outbox';
import { stableMessageId } from './stable-message-id';
import { recordEmailEvent } from './email-events';
import type { EmailSettingsService } from './email-settings-service';
import { SmtpSendError, type Mailer } from './smtp-mailer';
import type { EmailClaims, EmailClaimOutcome } from './team-email-claims';

// Slower than Partner Center's seconds-to-minutes schedule, and finite: a deferring mail server (greylisting,
// a busy mailbox) asks for minutes to hours, retrying every few seconds would get the user's account throttled,
// and a message still refused after about 18 hours needs a person. No jitter: the user is told the exact time
// of the next try, and messages already go out one by one at the configured pace.
export const emailRetrySchedule: RetrySchedule = {
  delaysMs: [5, 15, 60, 240, 720].map((minutes) => minutes * 60_000),
  jitter: 0,
  maxAttempts: 6,
};

// An invitation or reminder is only wanted while the customer has not authorized (or been archived).
const noLongerWaiting = ['authorized', 'checked-out', 'archived'];

export function createEmailOutboxHandler(
  context: ServiceContext,
  dependencies: { settings: EmailSettingsService; mailer: Mailer; claims?: EmailClaims },
): OutboxHandler {
  return {
    kind: emailOutboxKind,
    needsPartnerCenter: false,
    listedAsWaiting: false,
    retry: {
      schedule: emailRetrySchedule,
      // The team database out of reach is transient too: the message waits for its claim.
      isTransient: (error) => (error instanceof SmtpSendError && error.transient) || waitsForTeamDatabase(error),
      // Waiting for the team database is not a mail server's deferral: tried again within seconds, doubling,
      // like Partner Center actions waiting for a connection, so the message goes soon after it is back.
      scheduleFor: (error) => (waitsForTeamDatabase(error) ? defaultRetrySchedule : null),
    },
    describe(item) {
      const payload = emailPayloadSchema.safeParse(item.payload);
      if (!payload.success) return { customerId: null, label: 'Email' };
      return { customerId: payload.data.customerId, label: `Email to ${payload.data.to}` };
    },
    async run({ item, complete, cancel }) {
      const payload = emailPayloadSchema.parse(item.payload);
      const customer = findCustomer(context, payload.customerId);
      // Reminders stop once a customer authorizes: a queued invitation or reminder is dropped, not sent.
      if (!customer || (noLongerWaiting.includes(customer.status) && payload.template !== 'thank-you')) {
        cancel();
        return;
      }
      const claims = payload.teamKey && dependencies.claims?.inTeam() ? dependencies.claims : null;
      if (claims && payload.teamKey) {
        let claim: EmailClaimOutcome;
        try {
          claim = await claims.claim(payload.teamKey);
        } catch {
          throw new AppError(
            'offline',
            'The team database cannot be reached: the message waits, so that no other desktop of the team sends it too.',
          );
        }
        if (!claim.granted) {
          // Another desktop of the team has it: done here without sending, and the user is told who.
          complete(claimNote(claim));
          return;
        }
      }
      let response: string;
      try {
        const account = await dependencies.settings.smtpAccount();
        const key = payload.teamKey ?? emailIdempotencyKey(payload.customerId, payload.template, payload.step);
        response = (await dependencies.mailer(account, { ...payload, messageId: stableMessageId(key, account) }))
          .response;
      } catch (error) {
        const message =
          error instanceof SmtpSendError || error instanceof AppError ? error.message : 'Sending failed unexpectedly.';
        if (findCustomer(context, payload.customerId)) {
          recordEmailEvent(context, payload.customerId, payload, 'smtp', { ok: false, error: message });
        }
        // The worker keeps the message and decides, from the error, whether it is tried again by itself.
        throw error instanceof SmtpSendError || error instanceof AppError
          ? error
          : new Error(message, { cause: error });
      }
      // Sent: nothing after this may throw the item back into the queue, or the message would go out twice.
      context.db.transaction(() => {
        complete();
        if (findCustomer(context, payload.customerId)) {
          recordEmailEvent(context, payload.customerId, payload, 'smtp', { ok: true, detail: response || 'accepted' });
        }
      })();
      // Should this fail, the claim stays ours and unfinished: the others still never send it.
      if (claims && payload.teamKey) await claims.done(payload.teamKey).catch(() => undefined);
    },
  };
}

const waitsForTeamDatabase = (error: unknown) => error instanceof AppError && error.code === 'offline';

function claimNote(claim: Extract<EmailClaimOutcome, { granted: false }>): string {
  const time = (at: string) => `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;
  return claim.doneAt
    ? `Already sent by ${claim.by} at ${time(claim.doneAt)} (another desktop of the team); not sent again.`
    : `${claim.by} is sending it from another desktop of the team (since ${time(claim.claimedAt)}); not sent twice.`;
}
