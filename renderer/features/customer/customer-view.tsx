// One customer: who they are, the authorization link to hand over, Verify, the gated Checkout,
// the sandbox's "act as the customer" panel, and the timeline of every step.
import { useAppStore } from '../../store/app-store';
import { StatusBadge } from '../../components/status-badge';
import { nextStepByStatus } from '../../../shared/domain/customer-status';
import { onMicrosoftDomain } from '../../../shared/domain/validation';
import { LinkPanel } from './link-panel';
import { AuthorizationPanel } from '../verify/authorization-panel';
import { Timeline } from './timeline';
import { SandboxPanel } from '../sandbox/sandbox-panel';
import { CustomerFacts } from './customer-facts';

export function CustomerView() {
  const detail = useAppStore((state) => state.detail);
  const mode = useAppStore((state) => state.appInfo?.mode);
  if (!detail) return <p className="queue-message">Loading…</p>;
  const { customer, events } = detail;
  return (
    <article className="customer-view" aria-labelledby="customer-title">
      <header className="customer-header">
        <div>
          <h1 id="customer-title">{customer.companyName}</h1>
          <p className="customer-subtitle">
            {customer.defaultDomain ?? onMicrosoftDomain(customer.domainPrefix)} ·{' '}
            {customer.kind === 'indirect' ? `Indirect, through ${customer.resellerName ?? 'no reseller'}` : 'Direct'}
          </p>
        </div>
        <div className="customer-status">
          <StatusBadge status={customer.status} />
          <span className="next-step">Next: {nextStepByStatus[customer.status]}</span>
        </div>
      </header>
      <CustomerFacts customer={customer} />
      <LinkPanel customer={customer} />
      <AuthorizationPanel customer={customer} />
      {mode === 'sandbox' && customer.authorizationLink && customer.status !== 'checked-out' && (
        <SandboxPanel customer={customer} />
      )}
      <Timeline events={events} />
    </article>
  );
}
