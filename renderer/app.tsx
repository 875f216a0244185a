// The app shell: header with navigation and the Sandbox badge, then the open view.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from './store/app-store';
import { subscribe, errorMessage } from './api/authdesk-client';
import { QueueView } from './features/queue/queue-view';
import { SettingsView } from './features/settings/settings-view';
import { ReportsView } from './features/reports/reports-view';
import { HelpView } from './features/help/help-view';
import { Notices } from './components/notices';
import { ConnectivityIndicator } from './features/connectivity/connectivity-indicator';
import { UpdateButton } from './features/updates/update-button';
import { TeamIndicator } from './features/team/team-indicator';
import { ImportDialog } from './features/import/import-dialog';

export function App() {
  const { t } = useTranslation();
  const { t: helpText } = useTranslation('help');
  const view = useAppStore((state) => state.view);
  const setView = useAppStore((state) => state.setView);
  const appInfo = useAppStore((state) => state.appInfo);
  const profile = useAppStore((state) => state.profile);
  const settingsLoaded = useAppStore((state) => state.settingsLoaded);
  const importOpen = useAppStore((state) => state.importOpen);

  useEffect(() => {
    const { loadSettings, loadQueue, notify } = useAppStore.getState();
    // The queue's rows first: main answers one call at a time, and the app info asks the keychain.
    void loadQueue();
    loadSettings().catch((error: unknown) => notify('error', errorMessage(error)));
    // Main tells us when a customer changed (including from background work): refresh what is shown.
    return subscribe('customerChanged', ({ customerId }) => {
      const state = useAppStore.getState();
      void state.loadQueue();
      if (state.selectedCustomerId === customerId) void state.refreshSelected();
    });
  }, []);

  // A damaged database was replaced at start: say so, and where the old file is.
  const databaseRecovery = appInfo?.databaseRecovery ?? null;
  useEffect(() => {
    if (databaseRecovery) useAppStore.getState().notify('error', databaseRecovery);
  }, [databaseRecovery]);

  // A fresh install has no partner profile: send the user to Settings first.
  useEffect(() => {
    if (settingsLoaded && profile === null) setView('settings');
  }, [settingsLoaded, profile, setView]);

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">AuthDesk</span>
        <nav aria-label={t('nav.label')}>
          <button type="button" aria-current={view === 'queue' ? 'page' : undefined} onClick={() => setView('queue')}>
            {t('nav.queue')}
          </button>
          <button
            type="button"
            aria-current={view === 'reports' ? 'page' : undefined}
            onClick={() => setView('reports')}
          >
            {t('nav.reports')}
          </button>
          <button
            type="button"
            aria-current={view === 'settings' ? 'page' : undefined}
            onClick={() => setView('settings')}
          >
            {t('nav.settings')}
          </button>
          <button type="button" aria-current={view === 'help' ? 'page' : undefined} onClick={() => setView('help')}>
            {helpText('nav')}
          </button>
        </nav>
        {/* Notices live in the header's free middle, between the navigation and the indicators, where they
            cover no button; the newest shows, older ones wait (clipped) behind it until it goes. */}
        <div className="header-notices">
          <Notices />
        </div>
        <UpdateButton />
        <TeamIndicator />
        <ConnectivityIndicator />
        {profile && <span className="header-org">{profile.organizationName}</span>}
        {appInfo?.mode === 'sandbox' && (
          <span className="sandbox-badge" title={t('sandboxBadge.title', { url: appInfo.partnerCenterUrl })}>
            {t('sandboxBadge.label')}
          </span>
        )}
      </header>
      <main className="app-main">
        {view === 'queue' ? (
          <QueueView />
        ) : view === 'reports' ? (
          <ReportsView />
        ) : view === 'help' ? (
          <HelpView />
        ) : (
          <SettingsView />
        )}
      </main>
      {/* One import dialog for the whole app: opened from the queue, Reports and the command palette. */}
      <ImportDialog
        open={importOpen}
        onClose={() => useAppStore.getState().setImportOpen(false)}
        onImported={() => void useAppStore.getState().loadQueue()}
      />
    </div>
  );
}
