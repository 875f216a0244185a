// One customer: who they are, the authorization link to hand over, Verify, the gated Checkout,
// owner, follow-up and notes, the sandbox's "act as the customer" panel, and the timeline of every step.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/app-store';
import { StatusBadge } from '../../components/status-badge';
import { isReadOnly } from '../../../shared/domain/customer-status';
import { onMicrosoftDomain } from '../../../shared/domain/validation';
import { LinkPanel } from './link-panel';
import { AuthorizationPanel } from '../verify/authorization-panel';
import { Timeline } from './timeline';
import { SandboxPanel } from '../sandbox/sandbox-panel';
import { CustomerFacts } from './customer-facts';
import { CustomerWaitingNotice } from '../connectivity/customer-waiting-notice';
import { TrackingPanel } from './tracking-panel';
import { EditDetailsDialog } from './edit-details-dialog';
import { CustomerEmailPanel } from '../email/customer-email-panel';
import { GdapPanel } from '../gdap/gdap-panel';
import { NextStepPanel } from './next-step-panel';

export function CustomerView() {
  const { t } = useTranslation(['customer', 'domain']);
  const detail = useAppStore((state) => state.detail);
  const mode = useAppStore((state) => state.appInfo?.mode);
  const profile = useAppStore((state) => state.profile);
  const tracking = useAppStore((state) => state.tracking);
  const [editing, setEditing] = useState(false);
  if (!detail) return <p className="queue-message">{t('view.loading')}</p>;
  const { customer, events } = detail;
  return (
    <article className="customer-view" aria-labelledby="customer-title">
      <header className="customer-header">
        <div>
          <h1 id="customer-title">{customer.companyName}</h1>
          <p className="customer-subtitle">
            {customer.defaultDomain ?? onMicrosoftDomain(customer.domainPrefix)} ·{' '}
            {customer.kind === 'indirect'
              ? customer.resellerName
                ? t('view.indirectThrough', { reseller: customer.resellerName })
                : t('view.indirectNoReseller', { organization: profile?.organizationName ?? '' })
              : t('view.direct')}
          </p>
        </div>
        <div className="customer-status">
          <StatusBadge status={customer.status} />
          <span className="next-step">{t('view.next', { step: t(`domain:nextStep.${customer.status}`) })}</span>
        </div>
      </header>
      {/* In the order of the work: hand over the link, (the customer accepts), verify and check out; then
          the rest of what is known about the customer, and its history. */}
      <CustomerWaitingNotice customerId={customer.id} />
      <NextStepPanel customer={customer} />
      <LinkPanel customer={customer} />
      {mode === 'sandbox' && customer.authorizationLink && customer.status !== 'checked-out' && (
        <SandboxPanel customer={customer} />
      )}
      <AuthorizationPanel customer={customer} />
      <GdapPanel customer={customer} />
      <CustomerEmailPanel customer={customer} />
      <CustomerFacts customer={customer} onEdit={isReadOnly(customer.status) ? null : () => setEditing(true)} />
      {tracking && <TrackingPanel customer={customer} tracking={tracking} />}
      <Timeline events={events} />
      <EditDetailsDialog customer={customer} open={editing} onClose={() => setEditing(false)} />
    </article>
  );
}
