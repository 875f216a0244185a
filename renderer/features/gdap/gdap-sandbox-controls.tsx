// Sandbox only: act as the customer on the GDAP request (approve it) or move the relationship to expiring,
// expired or terminated, to try the whole lifecycle without Microsoft.
import { useTranslation } from 'react-i18next';
import type { GdapRelationship } from '../../../shared/domain/gdap';
import type { CustomerDetail } from '../../../shared/ipc/contract';
import { call } from '../../api/authdesk-client';

type Action = 'approve' | 'expiring' | 'expired' | 'terminated';

interface Props {
  customerId: string;
  relationship: GdapRelationship;
  busy: boolean;
  run: (
    action: () => Promise<{ relationship: GdapRelationship | null; detail: CustomerDetail }>,
    done: string,
  ) => Promise<void>;
}

export function GdapSandboxControls({ customerId, relationship, busy, run }: Props) {
  const { t } = useTranslation('gdap');
  const act = (action: Action, done: string) => void run(() => call('sandboxGdapAction', { customerId, action }), done);
  return (
    <div className="gdap-sandbox" aria-label={t('sandbox.label')}>
      <span className="gdap-sandbox-label">{t('sandbox.prefix')}</span>
      {relationship.status === 'approvalPending' && (
        <button type="button" disabled={busy} onClick={() => act('approve', t('sandbox.approved'))}>
          {t('sandbox.approve')}
        </button>
      )}
      <button type="button" disabled={busy} onClick={() => act('expiring', t('sandbox.madeExpiring'))}>
        {t('sandbox.makeExpiring')}
      </button>
      <button type="button" disabled={busy} onClick={() => act('expired', t('sandbox.madeExpired'))}>
        {t('sandbox.makeExpired')}
      </button>
      <button type="button" disabled={busy} onClick={() => act('terminated', t('sandbox.terminated'))}>
        {t('sandbox.terminate')}
      </button>
    </div>
  );
}
