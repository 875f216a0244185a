// Settings › Team › How the team shares Partner Center: who is online, how the tenant's request budget is
// shared (this desktop's use and each desktop's calls in the last minute), the leases each holds for background
// checks, and the last errors. Read from main every few seconds while the panel is open.
import { useEffect, useState } from 'react';
import type { TeamCoordinationState } from '../../../shared/domain/team';
import { call, errorMessage } from '../../api/authdesk-client';
import { formatDateTime } from '../../components/format-time';

const refreshMs = 5_000;

function budgetLine(state: TeamCoordinationState): string {
  const { budget } = state;
  const limit = `${budget.requestsPerMinute.toLocaleString()} requests a minute`;
  if (budget.mode === 'fallback') {
    return `Cut off from the team database: this desktop keeps to ${(budget.fallbackPerMinute ?? 0).toLocaleString()} of the ${limit} until it is back.`;
  }
  if (budget.mode === 'alone') return `This desktop paces itself alone at ${limit}.`;
  const live = budget.liveMembers ?? 1;
  return `The team draws from one budget of ${limit} (${live} desktop${live === 1 ? '' : 's'} live); this desktop used ${budget.callsLastMinute.toLocaleString()} in the last minute.`;
}

export function TeamCoordinationPanel() {
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
      <h3 id="team-coordination-title">How the team shares Partner Center</h3>
      <p className={state.budget.mode === 'fallback' ? 'warning' : 'field-hint'}>{budgetLine(state)}</p>
      {state.problem && (
        <p className="warning" role="status">
          {state.problem}
        </p>
      )}
      {state.desktops.length > 0 && (
        <table className="team-desktops">
          <caption className="visually-hidden">Desktops of the team</caption>
          <thead>
            <tr>
              <th scope="col">Desktop</th>
              <th scope="col">State</th>
              <th scope="col">Calls in the last minute</th>
              <th scope="col">Leases held</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {state.desktops.map((desktop) => (
              <tr key={desktop.deviceId}>
                <td>
                  {desktop.displayName}
                  {desktop.thisDesktop ? ' · this one' : ''}
                </td>
                <td>{desktop.online ? 'Online' : `Last seen ${formatDateTime(desktop.lastSeenAt)}`}</td>
                <td>{desktop.callsLastMinute.toLocaleString()}</td>
                <td>{desktop.leasesHeld.toLocaleString()}</td>
                <td>
                  {desktop.lastError
                    ? `${desktop.lastError}${desktop.lastErrorAt ? ` (${formatDateTime(desktop.lastErrorAt)})` : ''}`
                    : 'None'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.lastErrors.length > 0 && (
        <>
          <h4>Last errors on this desktop</h4>
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
