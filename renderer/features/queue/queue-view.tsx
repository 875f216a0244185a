// The queue workspace: filters, counts per status and saved views over the virtualized queue, the bulk bar and
// its progress, and the open customer beside it; plus the command palette and shortcut help.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/app-store';
import { subscribe, errorMessage } from '../../api/authdesk-client';
import { QueueToolbar } from './queue-toolbar';
import { QueueTable } from './queue-table';
import { StatusCounts } from './status-counts';
import { SavedViews } from './saved-views';
import { BulkBar } from './bulk-bar';
import { BulkProgress } from './bulk-progress';
import { CommandPalette } from './command-palette';
import { ShortcutHelp } from './shortcut-help';
import { queueCommands } from './queue-commands';
import { useShortcuts } from './use-shortcuts';
import { verifyOperationId } from './bulk-actions';
import { CustomerView } from '../customer/customer-view';
import { NewCustomerDialog } from '../customer/new-customer-dialog';
import { DueReminders } from '../email/due-reminders';
import '../../styles/queue.css';

export function QueueView() {
  const { t, i18n } = useTranslation('queue');
  const language = i18n.language;
  const selectedCustomerId = useAppStore((state) => state.selectedCustomerId);
  const savedViews = useAppStore((state) => state.savedViews);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const queueLoaded = useAppStore((state) => state.queueLoaded);

  // The filters' reseller and owner lists wait for the queue's first answer: main answers one call at a time,
  // and the lists (a pass over every customer) would hold the first rows back.
  useEffect(() => {
    if (!queueLoaded) return;
    const { loadFacets, notify } = useAppStore.getState();
    loadFacets().catch((error: unknown) => notify('error', errorMessage(error)));
  }, [queueLoaded]);

  useEffect(() => {
    const { loadSavedViews, notify } = useAppStore.getState();
    loadSavedViews().catch((error: unknown) => notify('error', errorMessage(error)));
    // Owners and resellers change rarely: at most one refresh a second, however many customers change.
    let facetsTimer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribeChanged = subscribe('customerChanged', () => {
      facetsTimer ??= setTimeout(() => {
        facetsTimer = null;
        void useAppStore.getState().loadFacets();
      }, 1000);
    });
    // Progress of our own operations; main names verify operations itself, so any verify progress counts.
    const unsubscribeProgress = subscribe('operationProgress', (progress) => {
      const state = useAppStore.getState();
      const operation = state.operation;
      if (!operation?.running) return;
      const ours =
        operation.id === progress.operationId || (operation.id === verifyOperationId && progress.kind === 'verify');
      if (ours) state.progressOperation(operation.id, progress.done, progress.total, progress.failed);
    });
    return () => {
      if (facetsTimer) clearTimeout(facetsTimer);
      unsubscribeChanged();
      unsubscribeProgress();
    };
  }, []);

  const openPalette = useCallback(() => setPaletteOpen(true), []);
  // The command labels are built in the screen's language: rebuilt when it changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const commands = useMemo(() => queueCommands(savedViews, () => setHelpOpen(true)), [savedViews, language]);
  useShortcuts(commands, openPalette);

  return (
    <div className="queue-layout">
      <section className="queue-pane" aria-label={t('view.queueLabel')}>
        <QueueToolbar />
        <div className="queue-subbar">
          <StatusCounts />
          <SavedViews />
        </div>
        <BulkBar />
        <BulkProgress />
        <QueueTable />
        <DueReminders />
      </section>
      <section className="detail-pane" aria-label={t('view.detailLabel')}>
        {selectedCustomerId ? (
          <CustomerView />
        ) : (
          <div className="empty-state">
            <h2>{t('view.noneSelected')}</h2>
            <p>{t('view.pickHint')}</p>
            <p>
              <Trans t={t} i18nKey="view.keysHint" components={{ kbd: <kbd /> }} />
            </p>
          </div>
        )}
      </section>
      <NewCustomerDialog />
      <CommandPalette open={paletteOpen} commands={commands} onClose={() => setPaletteOpen(false)} />
      <ShortcutHelp open={helpOpen} commands={commands} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
