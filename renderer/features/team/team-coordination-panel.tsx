// Settings › Team › How the team shares Partner Center: who is online, how the tenant's request budget is
// shared (this desktop's use and each desktop's calls in the last minute), the leases each holds for background
// checks, and the last errors. Read from main every few seconds while the panel is open.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamCoordinationState } from '../../../shared/domain/team';
import { call, errorMessage } from '../../api/authdesk-client';
import { formatDateTime, formatNumber } from '../../components/format-time';
import { i18n } from '../../i18n/i18n';

const refreshMs = 5_000;

function budgetLine(state: TeamCoordinationState): string {
  const { budget } = state;
  const limit = i18n.t('team:coordination.limit', { count: budget.requestsPerMinute });
  if (budget.mode === 'fallback') {
    return i18n.t('team:coordination.fallback', { fallback: budget.fallbackPerMinute ?? 0, limit });
  }
  if (budget.mode === 'alone') return i18n.t('team:coordination.alone', { limit });
  return i18n.t('team:coordination.shared', {
    limit,
    count: budget.liveMembers ?? 1,
    calls: budget.callsLastMinute,
  });
}

export function TeamCoordinationPanel() {
  const { t } = useTranslation('team');
  const [state, setState] = useState<TeamCoordinationState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      call('getTeamCoordination', {})
        .then((next) => {
          if (!cancelled) {
            setState(next);
            setError(null);
          }
        })
        .catch((caught: unknown) => {
          if (!cancelled) setError(errorMessage(caught));
        });
    void load();
    const timer = window.setInterval(() => void load(), refreshMs);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, []);
  if (error) {
    return (
      <p className="field-error" role="alert">
        {error}
      </p>
    );
  }
  if (!state?.configured) return null;
  return (
    <section aria-labelledby="team-coordination-title">
      <h3 id="team-coordination-title">{t('coordination.title')}</h3>
      <p className={state.budget.mode === 'fallback' ? 'warning' : 'field-hint'}>{budgetLine(state)}</p>
      {state.problem && (
        <p className="warning" role="status">
          {state.problem}
        </p>
      )}
      {state.desktops.length > 0 && (
        <table className="team-desktops">
          <caption className="visually-hidden">{t('coordination.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('coordination.desktop')}</th>
              <th scope="col">{t('coordination.state')}</th>
              <th scope="col">{t('coordination.calls')}</th>
              <th scope="col">{t('coordination.leases')}</th>
              <th scope="col">{t('coordination.lastError')}</th>
            </tr>
          </thead>
          <tbody>
            {state.desktops.map((desktop) => (
              <tr key={desktop.deviceId}>
                <td>
                  {desktop.displayName}
                  {desktop.thisDesktop ? t('coordination.thisOne') : ''}
                </td>
                <td>
                  {desktop.online
                    ? t('coordination.online')
                    : t('coordination.lastSeen', { time: formatDateTime(desktop.lastSeenAt) })}
                </td>
                <td>{formatNumber(desktop.callsLastMinute)}</td>
                <td>{formatNumber(desktop.leasesHeld)}</td>
                <td>
                  {desktop.lastError
                    ? `${desktop.lastError}${desktop.lastErrorAt ? ` (${formatDateTime(desktop.lastErrorAt)})` : ''}`
                    : t('coordination.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.lastErrors.length > 0 && (
        <>
          <h4>{t('coordination.lastErrors')}</h4>
          <ul className="team-members">
            {state.lastErrors.map((entry) => (
              <li key={`${entry.at}-${entry.message}`}>
                {formatDateTime(entry.at)}: {entry.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
