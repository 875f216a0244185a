// GDAP for one customer: request a granular delegated admin relationship from a role template, hand out its
// invitation link, follow its status (request expiry, end date, a warning before it ends) and, in the
// sandbox, act as the customer.
import { useCallback, useEffect, useState } from 'react';
import type { Customer } from '../../../shared/domain/customer';
import { isReadOnly } from '../../../shared/domain/customer-status';
import {
  endsSoon,
  gdapStatusLabels,
  gdapWarningDays,
  roleName,
  type GdapRelationship,
  type GdapTemplate,
} from '../../../shared/domain/gdap';
import type { CustomerDetail } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { GdapSandboxControls } from './gdap-sandbox-controls';
import './gdap.css';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const formatDate = (iso: string) => dateFormat.format(new Date(iso));

// A relationship a new request may replace.
const isOver = (relationship: GdapRelationship) =>
  relationship.status === 'expired' || relationship.status === 'terminated';

export function GdapPanel({ customer }: { customer: Customer }) {
  const showDetail = useAppStore((state) => state.showDetail);
  const notify = useAppStore((state) => state.notify);
  const mode = useAppStore((state) => state.appInfo?.mode);
  const [relationship, setRelationship] = useState<GdapRelationship | null>(null);
  const [templates, setTemplates] = useState<GdapTemplate[]>([]);
  const [templateId, setTemplateId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    Promise.all([call('getGdapRelationship', { customerId: customer.id }), call('listGdapTemplates', {})])
      .then(([answer, list]) => {
        if (cancelled) return;
        setRelationship(answer.relationship);
        setTemplates(list);
        setTemplateId((current) => current ?? list[0]?.id ?? null);
      })
      .catch((error: unknown) => notify('error', errorMessage(error)));
    return () => {
      cancelled = true;
    };
    // customer.updatedAt: a background check or verification may have changed the relationship.
  }, [customer.id, customer.updatedAt, notify]);

  const run = useCallback(
    async (action: () => Promise<{ relationship: GdapRelationship | null; detail: CustomerDetail }>, done: string) => {
      setBusy(true);
      try {
        const answer = await action();
        setRelationship(answer.relationship);
        showDetail(answer.detail);
        notify('success', done);
      } catch (error) {
        notify('error', errorMessage(error));
      } finally {
        setBusy(false);
      }
    },
    [notify, showDetail],
  );

  const request = () =>
    templateId !== null &&
    void run(
      () => call('requestGdap', { customerId: customer.id, templateId }),
      'GDAP requested: send the invitation link to the customer.',
    );
  const refresh = () =>
    void run(() => call('refreshGdapStatus', { customerId: customer.id }), 'GDAP status refreshed.');
  const copy = (link: string) =>
    void run(async () => {
      await navigator.clipboard.writeText(link);
      return call('recordGdapLinkCopied', { customerId: customer.id });
    }, 'GDAP invitation link copied.');

  const template = templates.find((item) => item.id === templateId);
  const canRequest = !isReadOnly(customer.status) && (relationship === null || isOver(relationship));
  const now = new Date();

  return (
    <section className="panel gdap-panel" aria-labelledby="gdap-title">
      <h2 id="gdap-title">GDAP (granular delegated admin)</h2>
      {relationship && (
        <>
          <dl className="gdap-facts">
            <div>
              <dt>Status</dt>
              <dd>
                <span className={`gdap-status gdap-status-${relationship.status}`} data-testid="gdap-status">
                  {gdapStatusLabels[relationship.status]}
                </span>
              </dd>
            </div>
            <div>
              <dt>Relationship</dt>
              <dd>{relationship.displayName}</dd>
            </div>
            <div>
              <dt>Roles</dt>
              <dd>
                {relationship.templateName}: {relationship.roleDefinitionIds.map(roleName).join(', ')}
              </dd>
            </div>
            <div>
              <dt>Access</dt>
              <dd data-testid="gdap-access">{accessText(relationship)}</dd>
            </div>
            {relationship.status === 'approvalPending' || relationship.status === 'created' ? (
              <div>
                <dt>Request expires</dt>
                <dd>{formatDate(relationship.requestExpiresAt)} (unanswered requests expire after 90 days)</dd>
              </div>
            ) : null}
            {relationship.endsAt && (
              <div>
                <dt>{relationship.status === 'terminated' || relationship.status === 'expired' ? 'Ended' : 'Ends'}</dt>
                <dd>
                  {formatDate(relationship.endsAt)}
                  {relationship.autoExtend ? ' (auto-extends by 6 months)' : ''}
                </dd>
              </div>
            )}
          </dl>
          {endsSoon(relationship, now) && (
            <p className="gdap-warning" role="alert">
              This GDAP relationship ends on {formatDate(relationship.endsAt ?? '')}, within {gdapWarningDays} days.
              {relationship.autoExtend ? ' It is set to auto-extend.' : ' Request a new one before it ends.'}
            </p>
          )}
          {isOver(relationship) && (
            <p className="gdap-warning" role="alert">
              This GDAP relationship is {relationship.status}: delegated administration is no longer granted.
            </p>
          )}
          {!isOver(relationship) && relationship.status !== 'active' && relationship.status !== 'expiring' && (
            <div className="link-box">
              <input
                readOnly
                aria-label="GDAP invitation link"
                value={relationship.invitationLink}
                onFocus={(event) => event.target.select()}
              />
            </div>
          )}
          <div className="button-row">
            {!isOver(relationship) && (
              <button type="button" disabled={busy} onClick={() => copy(relationship.invitationLink)}>
                Copy GDAP link
              </button>
            )}
            <button type="button" disabled={busy} onClick={refresh}>
              Refresh GDAP status
            </button>
          </div>
          {mode === 'sandbox' && !isOver(relationship) && (
            <GdapSandboxControls customerId={customer.id} relationship={relationship} busy={busy} run={run} />
          )}
        </>
      )}
      {canRequest && (
        <div className="gdap-request">
          {relationship === null && <p>No GDAP relationship yet. Choose the roles to request from the customer.</p>}
          <label>
            Role template
            <select
              value={templateId ?? ''}
              onChange={(event) => setTemplateId(Number(event.target.value))}
              disabled={busy || templates.length === 0}
            >
              {templates.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name} ({item.durationDays} days{item.autoExtend ? ', auto-extend' : ''})
                </option>
              ))}
            </select>
          </label>
          {template && <p className="gdap-roles">Roles: {template.roleDefinitionIds.map(roleName).join(', ')}</p>}
          <button type="button" className="primary" disabled={busy || templateId === null} onClick={request}>
            Request GDAP
          </button>
        </div>
      )}
    </section>
  );
}

const accessStatusLabels: Record<string, string> = {
  pending: 'being set up by Microsoft',
  active: 'active',
  deleting: 'being removed',
  deleted: 'removed',
};

// Who gets the relationship's roles in the partner's tenant (the access assignment), in words.
function accessText(relationship: GdapRelationship): string {
  const group = relationship.securityGroup;
  if (group === null) return 'No security group in the template: assign the roles in Partner Center.';
  const assignment = relationship.accessAssignments.find((candidate) => candidate.groupId === group.id);
  if (!assignment) {
    return relationship.status === 'active' || relationship.status === 'expiring'
      ? `${group.displayName}: not assigned yet (Refresh GDAP status to assign it).`
      : `${group.displayName} gets the roles once the customer approves.`;
  }
  if (assignment.status === 'error') return assignment.message ?? `${group.displayName}: could not be assigned.`;
  return `${group.displayName}: ${accessStatusLabels[assignment.status] ?? assignment.status}.`;
}
