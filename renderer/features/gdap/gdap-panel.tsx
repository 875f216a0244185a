// GDAP for one customer: request a granular delegated admin relationship from a role template, hand out its
// invitation link, follow its status (request expiry, end date, a warning before it ends) and, in the
// sandbox, act as the customer.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Customer } from '../../../shared/domain/customer';
import { isReadOnly } from '../../../shared/domain/customer-status';
import {
  endsSoon,
  gdapWarningDays,
  roleName,
  type GdapRelationship,
  type GdapTemplate,
} from '../../../shared/domain/gdap';
import type { CustomerDetail } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { formatDate } from '../../components/format-time';
import { GdapSandboxControls } from './gdap-sandbox-controls';
import './gdap.css';
import { translateMessage } from '../../i18n/translate-message';

// A relationship a new request may replace.
const isOver = (relationship: GdapRelationship) =>
  relationship.status === 'expired' || relationship.status === 'terminated';

export function GdapPanel({ customer }: { customer: Customer }) {
  const { t } = useTranslation(['gdap', 'domain']);
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
    void run(() => call('requestGdap', { customerId: customer.id, templateId }), t('panel.requested'));
  const refresh = () => void run(() => call('refreshGdapStatus', { customerId: customer.id }), t('panel.refreshed'));
  const copy = (link: string) =>
    void run(async () => {
      await navigator.clipboard.writeText(link);
      return call('recordGdapLinkCopied', { customerId: customer.id });
    }, t('panel.linkCopied'));

  const template = templates.find((item) => item.id === templateId);
  const canRequest = !isReadOnly(customer.status) && (relationship === null || isOver(relationship));
  const now = new Date();

  return (
    <section className="panel gdap-panel" aria-labelledby="gdap-title">
      <h2 id="gdap-title">{t('panel.title')}</h2>
      {relationship && (
        <>
          <dl className="gdap-facts">
            <div>
              <dt>{t('panel.status')}</dt>
              <dd>
                <span className={`gdap-status gdap-status-${relationship.status}`} data-testid="gdap-status">
                  {t(`domain:gdapStatus.${relationship.status}`)}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('panel.relationship')}</dt>
              <dd>{relationship.displayName}</dd>
            </div>
            <div>
              <dt>{t('panel.roles')}</dt>
              <dd>
                {relationship.templateName}: {relationship.roleDefinitionIds.map(roleName).join(', ')}
              </dd>
            </div>
            <div>
              <dt>{t('panel.access')}</dt>
              <dd data-testid="gdap-access">{accessText(relationship, t)}</dd>
            </div>
            {relationship.status === 'approvalPending' || relationship.status === 'created' ? (
              <div>
                <dt>{t('panel.requestExpires')}</dt>
                <dd>{t('panel.requestExpiresOn', { date: formatDate(relationship.requestExpiresAt) })}</dd>
              </div>
            ) : null}
            {relationship.endsAt && (
              <div>
                <dt>
                  {relationship.status === 'terminated' || relationship.status === 'expired'
                    ? t('panel.ended')
                    : t('panel.ends')}
                </dt>
                <dd>
                  {relationship.autoExtend
                    ? t('panel.endsAutoExtend', { date: formatDate(relationship.endsAt) })
                    : formatDate(relationship.endsAt)}
                </dd>
              </div>
            )}
          </dl>
          {endsSoon(relationship, now) && (
            <p className="gdap-warning" role="alert">
              {t('panel.endsSoon', { date: formatDate(relationship.endsAt ?? ''), count: gdapWarningDays })}{' '}
              {relationship.autoExtend ? t('panel.autoExtendSet') : t('panel.requestNewOne')}
            </p>
          )}
          {isOver(relationship) && (
            <p className="gdap-warning" role="alert">
              {relationship.status === 'expired' ? t('panel.expired') : t('panel.terminated')}
            </p>
          )}
          {!isOver(relationship) && relationship.status !== 'active' && relationship.status !== 'expiring' && (
            <div className="link-box">
              <input
                readOnly
                aria-label={t('panel.invitationLink')}
                value={relationship.invitationLink}
                onFocus={(event) => event.target.select()}
              />
            </div>
          )}
          <div className="button-row">
            {!isOver(relationship) && (
              <button type="button" disabled={busy} onClick={() => copy(relationship.invitationLink)}>
                {t('panel.copyLink')}
              </button>
            )}
            <button type="button" disabled={busy} onClick={refresh}>
              {t('panel.refresh')}
            </button>
          </div>
          {mode === 'sandbox' && !isOver(relationship) && (
            <GdapSandboxControls customerId={customer.id} relationship={relationship} busy={busy} run={run} />
          )}
        </>
      )}
      {canRequest && (
        <div className="gdap-request">
          {relationship === null && <p>{t('panel.noRelationship')}</p>}
          <label>
            {t('panel.roleTemplate')}
            <select
              value={templateId ?? ''}
              onChange={(event) => setTemplateId(Number(event.target.value))}
              disabled={busy || templates.length === 0}
            >
              {templates.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.autoExtend
                    ? t('panel.templateOptionAutoExtend', { name: item.name, count: item.durationDays })
                    : t('panel.templateOption', { name: item.name, count: item.durationDays })}
                </option>
              ))}
            </select>
          </label>
          {template && (
            <p className="gdap-roles">
              {t('panel.templateRoles', { roles: template.roleDefinitionIds.map(roleName).join(', ') })}
            </p>
          )}
          <button type="button" className="primary" disabled={busy || templateId === null} onClick={request}>
            {t('panel.request')}
          </button>
        </div>
      )}
    </section>
  );
}

const accessStates = ['pending', 'active', 'deleting', 'deleted'] as const;
const isAccessState = (status: string): status is (typeof accessStates)[number] =>
  (accessStates as readonly string[]).includes(status);

// Who gets the relationship's roles in the partner's tenant (the access assignment), in words.
function accessText(relationship: GdapRelationship, t: TFunction<['gdap', 'domain']>): string {
  const group = relationship.securityGroup;
  if (group === null) return t('access.noGroup');
  const assignment = relationship.accessAssignments.find((candidate) => candidate.groupId === group.id);
  if (!assignment) {
    return relationship.status === 'active' || relationship.status === 'expiring'
      ? t('access.notAssigned', { group: group.displayName })
      : t('access.onceApproved', { group: group.displayName });
  }
  if (assignment.status === 'error')
    return translateMessage(assignment.message) ?? t('access.failed', { group: group.displayName });
  const state = isAccessState(assignment.status) ? t(`access.state.${assignment.status}`) : assignment.status;
  return t('access.assignment', { group: group.displayName, state });
}
