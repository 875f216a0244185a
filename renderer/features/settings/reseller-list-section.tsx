// Settings › Indirect resellers: the distributor's resellers as last synced from Partner Center (kept in the
// local database, so the list shows offline), and "Refresh resellers" to sync it again.
import { useEffect, useState } from 'react';
import type { Reseller } from '../../../shared/domain/reseller';
import { call, errorMessage } from '../../api/authdesk-client';
import { formatDateTime } from '../../components/format-time';
import '../../styles/partner-center.css';

export function ResellerListSection() {
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
      setError(`The resellers could not be refreshed: ${errorMessage(caught)} The list below is the last one synced.`);
    } finally {
      setRefreshing(false);
    }
  };

  const syncedAt = resellers?.[0]?.syncedAt ?? null;
  return (
    <section className="panel" aria-labelledby="resellers-title">
      <h2 id="resellers-title">Indirect resellers</h2>
      <p className="field-hint">
        The resellers Partner Center lists for you, offered when you create an indirect customer. They are kept on this
        computer, so the list works offline.
        {syncedAt ? ` Last synced ${formatDateTime(syncedAt)}.` : ' Not synced yet.'}
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
              <th scope="col">Name</th>
              <th scope="col">MPN ID</th>
              <th scope="col">Tenant ID</th>
              <th scope="col">State</th>
              <th scope="col">Synced at</th>
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
      {resellers !== null && resellers.length === 0 && !error && <p>No resellers synced yet.</p>}
      <div className="form-actions">
        <button type="button" onClick={() => void refresh()} disabled={refreshing}>
          {refreshing ? 'Refreshing…' : 'Refresh resellers'}
        </button>
      </div>
    </section>
  );
}
