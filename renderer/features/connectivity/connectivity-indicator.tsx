// The header's offline-first corner: an "Offline" pill while Partner Center cannot be reached, the count of
// actions waiting ("3 actions waiting for a connection") opening a list with Retry and Cancel for each, and
// the badge of customers who authorized since the user last looked.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/authdesk-client';
import { currentLanguage } from '../../i18n/i18n';
import { useAppStore } from '../../store/app-store';
import { useConnectivityStore, waitingSummary } from './connectivity-store';
import { openCustomer, useConnectivityEvents } from './use-connectivity-events';
import './connectivity.css';

export function ConnectivityIndicator() {
  const { t } = useTranslation('connectivity');
  useConnectivityEvents();
  const online = useConnectivityStore((state) => state.online);
  const waitingCount = useConnectivityStore((state) => state.waitingCount);
  const authorized = useConnectivityStore((state) => state.authorized);
  const [open, setOpen] = useState(false);

  return (
    <div className="connectivity">
      {!online && (
        <span className="offline-pill" role="status" title={t('offline.title')}>
          {t('offline.pill')}
        </span>
      )}
      {waitingCount > 0 && (
        <button
          type="button"
          className="waiting-button"
          aria-expanded={open}
          aria-controls="waiting-actions"
          onClick={() => setOpen(!open)}
        >
          {waitingSummary(waitingCount, online)}
        </button>
      )}
      {authorized.length > 0 && (
        <button
          type="button"
          className="authorized-badge"
          title={authorized.map((notice) => notice.companyName).join(', ')}
          onClick={() => openCustomer((authorized[0] as (typeof authorized)[number]).customerId)}
        >
          {t('authorized', { count: authorized.length })}
        </button>
      )}
      {open && waitingCount > 0 && <WaitingList onClose={() => setOpen(false)} />}
    </div>
  );
}

function WaitingList({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('connectivity');
  const waiting = useConnectivityStore((state) => state.waiting);
  const waitingCount = useConnectivityStore((state) => state.waitingCount);
  const online = useConnectivityStore((state) => state.online);
  const notify = useAppStore((state) => state.notify);
  const act = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };
  return (
    <section id="waiting-actions" className="waiting-list" aria-label={t('list.label')}>
      <header>
        <strong>{waitingSummary(waitingCount, online)}</strong>
        <button type="button" className="icon-button" aria-label={t('list.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <ul>
        {waiting.map((action) => (
          <li key={action.id} className={`waiting-item waiting-${action.status}`}>
            <div>
              <span className="waiting-label">{action.label}</span>
              <span className="waiting-detail">
                {action.status === 'running'
                  ? t('list.running')
                  : action.status === 'failed'
                    ? t('list.failed', { error: action.lastError ?? t('unknownError') })
                    : online
                      ? t('list.nextTry', {
                          time: new Date(action.nextAttemptAt).toLocaleTimeString(currentLanguage()),
                        })
                      : t('list.whenReachable')}
              </span>
            </div>
            <div className="waiting-actions">
              <button
                type="button"
                disabled={action.status === 'running'}
                onClick={() => act(() => useConnectivityStore.getState().retry(action.id))}
              >
                {t('list.retry')}
              </button>
              <button
                type="button"
                disabled={action.status === 'running'}
                onClick={() => act(() => useConnectivityStore.getState().cancel(action.id))}
              >
                {t('list.cancel')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {waitingCount > waiting.length && (
        <p className="waiting-more">{t('list.more', { count: waitingCount - waiting.length })}</p>
      )}
    </section>
  );
}
