// In a customer's view: what is waiting for Partner Center for this customer ("Verification queued: will run
// when Partner Center is reachable"), so a queued Get link or Verify is visible where the user asked for it.
import { useTranslation } from 'react-i18next';
import { useConnectivityStore } from './connectivity-store';
import './connectivity.css';

export function CustomerWaitingNotice({ customerId }: { customerId: string }) {
  const { t } = useTranslation('connectivity');
  const waiting = useConnectivityStore((state) => state.waiting);
  const online = useConnectivityStore((state) => state.online);
  const mine = waiting.filter((action) => action.customerId === customerId);
  if (mine.length === 0) return null;
  return (
    <div className="customer-waiting" role="status">
      {mine.map((action) => (
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
