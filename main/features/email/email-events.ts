// The customer history entry every email outcome becomes (sent or failed by SMTP, opened or copied for the
// mail client); the first hand-off of the link also moves "Link ready" to "Sent".
import { emailTemplateKindLabels } from '../../../shared/email/email-template';
import type { CustomerDetail } from '../../../shared/ipc/contract';
import { recordChange, requireCustomer } from '../customers/customer-records';
import type { ServiceContext } from '../../platform/service-context';
import type { EmailPayload } from './email-outbox';

export type EmailTransport = 'smtp' | 'mail-client';
export type EmailOutcome = { ok: true; detail: string } | { ok: false; error: string };

export function recordEmailEvent(
  context: ServiceContext,
  customerId: string,
  payload: Pick<EmailPayload, 'template' | 'language' | 'to' | 'step'>,
  transport: EmailTransport,
  result: EmailOutcome,
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

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
