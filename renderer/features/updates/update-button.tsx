// "Restart to update" in the header, once the installed app has downloaded an update (main's updater says
// so); nothing otherwise, so a development run or a sandbox never shows it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorMessage, subscribe } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';

export function UpdateButton() {
  const { t } = useTranslation('updates');
  const [readyVersion, setReadyVersion] = useState<string | null>(null);
  useEffect(() => {
    call('getUpdateStatus', {})
      .then((status) => setReadyVersion(status.readyVersion))
      .catch(() => undefined);
    return subscribe('updateReady', ({ version }) => setReadyVersion(version));
  }, []);
  if (readyVersion === null) return null;
  const restart = () =>
    call('restartToUpdate', {}).catch((error: unknown) => useAppStore.getState().notify('error', errorMessage(error)));
  return (
    <button type="button" className="update-button" onClick={() => void restart()}>
      {t('restart', { version: readyVersion })}
    </button>
  );
}
