// In a customer's view: what is waiting for Partner Center for this customer ("Verification queued: will run
// when Partner Center is reachable"), so a queued Get link or Verify is visible where the user asked for it.
// Asked of main for this customer alone: the header's list holds only the oldest few of what waits.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaitingAction } from '../../../shared/domain/waiting-action';
import { call } from '../../api/authdesk-client';
import { useConnectivityStore } from './connectivity-store';
import './connectivity.css';

export function CustomerWaitingNotice({ customerId }: { customerId: string }) {
  const { t } = useTranslation('connectivity');
  // The store reloads at every outbox change: a new window or count is the cue to ask again.
  const waiting = useConnectivityStore((state) => state.waiting);
  const waitingCount = useConnectivityStore((state) => state.waitingCount);
  const online = useConnectivityStore((state) => state.online);
  const [mine, setMine] = useState<WaitingAction[]>([]);
  useEffect(() => {
    if (waitingCount === 0) return;
    let current = true;
    call('listCustomerWaitingActions', { customerId })
      .then((actions) => current && setMine(actions))
      .catch(() => current && setMine([]));
    return () => {
      current = false;
    };
  }, [customerId, waiting, waitingCount]);
  // Nothing waits anywhere: nothing waits for this customer, whatever the last answer was.
  const shown = waitingCount === 0 ? [] : mine;
  if (shown.length === 0) return null;
  return (
    <div className="customer-waiting" role="status">
      {shown.map((action) => (
        <p key={action.id}>
          <strong>{t('notice.queued')}</strong> {action.label}{' '}
          {action.status === 'failed'
            ? t('notice.failed', { error: action.lastError ?? t('unknownError') })
            : online
              ? t('notice.runningShortly')
              : t('notice.whenReachable')}
        </p>
      ))}
    </div>
  );
}
