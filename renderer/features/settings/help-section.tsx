// Help: the diagnostics support asks for (copied, already free of secrets) and the logs folder.
import { useState } from 'react';
import { call, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';

export function HelpSection() {
  const notify = useAppStore((state) => state.notify);
  const [logFile, setLogFile] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const copyDiagnostics = async () => {
    setBusy(true);
    try {
      const diagnostics = await call('getDiagnostics', {});
      await navigator.clipboard.writeText(diagnostics.text);
      setLogFile(diagnostics.logFile);
      notify('success', 'Diagnostics copied. Paste them into your message to support.');
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const openLogs = async () => {
    try {
      const { opened } = await call('openLogsFolder', {});
      if (!opened) notify('error', 'The logs folder could not be opened.');
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  return (
    <section className="panel" aria-labelledby="help-title">
      <h2 id="help-title">Help and diagnostics</h2>
      <p className="panel-note">
        Diagnostics list the version, mode, counts and recent log lines; secrets are removed before anything is written
        to the log.
      </p>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void copyDiagnostics()}>
          Copy diagnostics
        </button>
        <button type="button" onClick={() => void openLogs()}>
          Open logs folder
        </button>
      </div>
      {logFile && <p className="field-hint">Log file: {logFile}</p>}
    </section>
  );
}
