// Help and diagnostics: the diagnostics support asks for (copied, already free of secrets) and the logs
// folder; in Settings also the way to the full Help.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';

export function HelpSection() {
  const { t } = useTranslation('help');
  const notify = useAppStore((state) => state.notify);
  const view = useAppStore((state) => state.view);
  const setView = useAppStore((state) => state.setView);
  const [logFile, setLogFile] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const copyDiagnostics = async () => {
    setBusy(true);
    try {
      const diagnostics = await call('getDiagnostics', {});
      await navigator.clipboard.writeText(diagnostics.text);
      setLogFile(diagnostics.logFile);
      notify('success', t('diagnostics.copied'));
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const openLogs = async () => {
    try {
      const { opened } = await call('openLogsFolder', {});
      if (!opened) notify('error', t('diagnostics.logsNotOpened'));
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  return (
    <section className="panel" aria-labelledby="help-title">
      <h2 id="help-title">{t('diagnostics.title')}</h2>
      {view !== 'help' && <p className="panel-note">{t('diagnostics.helpNote')}</p>}
      <p className="panel-note">{t('diagnostics.note')}</p>
      <div className="button-row">
        {view !== 'help' && (
          <button type="button" onClick={() => setView('help')}>
            {t('diagnostics.openHelp')}
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void copyDiagnostics()}>
          {t('diagnostics.copy')}
        </button>
        <button type="button" onClick={() => void openLogs()}>
          {t('diagnostics.openLogs')}
        </button>
      </div>
      {logFile && <p className="field-hint">{t('diagnostics.logFile', { path: logFile })}</p>}
    </section>
  );
}
