// The header's team state: synced, N changes waiting, offline since HH:MM, or the database's error in words.
// Nothing when the desktop is not in a team.
import { useEffect } from 'react';
import { subscribe } from '../../api/authdesk-client';
import { formatClockTime } from '../../components/format-time';
import { useTeamStore } from './team-store';
import './team.css';

export function TeamIndicator() {
  const status = useTeamStore((state) => state.status);
  useEffect(() => {
    void useTeamStore
      .getState()
      .load()
      .catch(() => undefined);
    return subscribe('teamStatusChanged', (sync) => useTeamStore.getState().syncChanged(sync));
  }, []);
  if (!status?.configured || !status.team) return null;
  const { sync } = status;
  const waiting = `${sync.waiting.toLocaleString()} change${sync.waiting === 1 ? '' : 's'} waiting`;
  const label =
    sync.state === 'synced'
      ? `${status.team.name}: synced`
      : sync.state === 'waiting'
        ? `${status.team.name}: ${waiting}`
        : sync.state === 'offline'
          ? `${status.team.name}: offline since ${sync.offlineSince ? formatClockTime(sync.offlineSince) : 'now'}${sync.waiting > 0 ? `, ${waiting}` : ''}`
          : `${status.team.name}: sync failed`;
  return (
    <span
      className={`team-pill team-${sync.state}`}
      role="status"
      aria-label={`Team ${label}`}
      title={sync.message ?? (sync.lastSyncedAt ? `Last synced ${formatClockTime(sync.lastSyncedAt)}` : undefined)}
    >
      {label}
    </span>
  );
}
