// Sandbox only: act as the customer on the GDAP request (approve it) or move the relationship to expiring,
// expired or terminated, to try the whole lifecycle without Microsoft.
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
  const act = (action: Action, done: string) => void run(() => call('sandboxGdapAction', { customerId, action }), done);
  return (
    <div className="gdap-sandbox" aria-label="Sandbox: act as the customer on GDAP">
      <span className="gdap-sandbox-label">Sandbox:</span>
      {relationship.status === 'approvalPending' && (
        <button type="button" disabled={busy} onClick={() => act('approve', 'Sandbox: the customer approved GDAP.')}>
          Customer approves GDAP
        </button>
      )}
      <button type="button" disabled={busy} onClick={() => act('expiring', 'Sandbox: GDAP ends in 10 days.')}>
        Make expiring
      </button>
      <button type="button" disabled={busy} onClick={() => act('expired', 'Sandbox: GDAP expired.')}>
        Make expired
      </button>
      <button type="button" disabled={busy} onClick={() => act('terminated', 'Sandbox: GDAP terminated.')}>
        Terminate
      </button>
    </div>
  );
}
