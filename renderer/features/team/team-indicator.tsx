// The header's team state: synced, N changes waiting, offline since HH:MM, or the database's error in words.
// Nothing when the desktop is not in a team.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe } from '../../api/authdesk-client';
import { formatClockTime } from '../../components/format-time';
import { useTeamStore } from './team-store';
import './team.css';
import { translateMessage } from '../../i18n/translate-message';

export function TeamIndicator() {
  const { t } = useTranslation('team');
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
  const team = status.team.name;
  const waiting = t('indicator.changesWaiting', { count: sync.waiting });
  const offline = sync.offlineSince
    ? t('indicator.offlineSince', { team, time: formatClockTime(sync.offlineSince) })
    : t('indicator.offlineNow', { team });
  const label =
    sync.state === 'synced'
      ? t('indicator.synced', { team })
      : sync.state === 'waiting'
        ? t('indicator.waiting', { team, waiting })
        : sync.state === 'offline'
          ? sync.waiting > 0
            ? t('indicator.offlineWaiting', { offline, waiting })
            : offline
          : t('indicator.failed', { team });
  return (
    <span
      className={`team-pill team-${sync.state}`}
      role="status"
      aria-label={t('indicator.aria', { label })}
      title={
        translateMessage(sync.message) ??
        (sync.lastSyncedAt ? t('indicator.lastSynced', { time: formatClockTime(sync.lastSyncedAt) }) : undefined)
      }
    >
      {label}
    </span>
  );
}
