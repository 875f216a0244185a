// Settings › Indirect resellers: the distributor's resellers as last synced from Partner Center (kept in the
// local database, so the list shows offline), and "Refresh resellers" to sync it again.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reseller } from '../../../shared/domain/reseller';
import { call, errorMessage } from '../../api/authdesk-client';
import { formatDateTime } from '../../components/format-time';
import '../../styles/partner-center.css';

export function ResellerListSection() {
  const { t } = useTranslation('settings');
  const [resellers, setResellers] = useState<Reseller[] | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    call('listResellers', {})
      .then((cached) => !cancelled && setResellers(cached))
      .catch((caught: unknown) => !cancelled && setError(errorMessage(caught)));
    return () => {
      cancelled = true;
    };
  }, []);

  const refresh = async () => {
    setRefreshing(true);
    setError(null);
    try {
      setResellers(await call('refreshResellers', {}));
    } catch (caught) {
      // The cached list stays on screen: it is still what was last known.
      setError(t('resellers.refreshFailed', { error: errorMessage(caught) }));
    } finally {
      setRefreshing(false);
    }
  };

  const syncedAt = resellers?.[0]?.syncedAt ?? null;
  return (
    <section className="panel" aria-labelledby="resellers-title">
      <h2 id="resellers-title">{t('resellers.title')}</h2>
      <p className="field-hint">
        {t('resellers.hint')}{' '}
        {syncedAt ? t('resellers.lastSynced', { time: formatDateTime(syncedAt) }) : t('resellers.notSynced')}
      </p>
      {error && (
        <p className="warning" role="alert">
          {error}
        </p>
      )}
      {resellers !== null && resellers.length > 0 && (
        <table className="reseller-table">
          <thead>
            <tr>
              <th scope="col">{t('resellers.columns.name')}</th>
              <th scope="col">MPN ID</th>
              <th scope="col">{t('resellers.columns.tenantId')}</th>
              <th scope="col">{t('resellers.columns.state')}</th>
              <th scope="col">{t('resellers.columns.syncedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {resellers.map((reseller) => (
              <tr key={reseller.mpnId}>
                <td>{reseller.name}</td>
                <td>{reseller.mpnId}</td>
                <td className="reseller-tenant">{reseller.tenantId}</td>
                <td>{reseller.state ?? '—'}</td>
                <td>{formatDateTime(reseller.syncedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {resellers !== null && resellers.length === 0 && !error && <p>{t('resellers.empty')}</p>}
      <div className="form-actions">
        <button type="button" onClick={() => void refresh()} disabled={refreshing}>
          {refreshing ? t('resellers.refreshing') : t('resellers.refresh')}
        </button>
      </div>
    </section>
  );
}
