// The queue workspace: filters, counts per status and saved views over the virtualized queue, the bulk bar and
// its progress, and the open customer beside it; plus the command palette and shortcut help.
import { useCallback, useEffect, useMemo, useState } from 'react';
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
  const selectedCustomerId = useAppStore((state) => state.selectedCustomerId);
  const savedViews = useAppStore((state) => state.savedViews);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    const { loadFacets, loadSavedViews, notify } = useAppStore.getState();
    Promise.all([loadFacets(), loadSavedViews()]).catch((error: unknown) => notify('error', errorMessage(error)));
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
  const commands = useMemo(() => queueCommands(savedViews, () => setHelpOpen(true)), [savedViews]);
  useShortcuts(commands, openPalette);

  return (
    <div className="queue-layout">
      <section className="queue-pane" aria-label="Customer queue">
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
      <section className="detail-pane" aria-label="Customer">
        {selectedCustomerId ? (
          <CustomerView />
        ) : (
          <div className="empty-state">
            <h2>No customer selected</h2>
            <p>Pick a customer from the queue, or add one with “New customer” (N) or “Import CSV…”.</p>
            <p>
              Press <kbd>?</kbd> for keyboard shortcuts, <kbd>Ctrl</kbd>+<kbd>K</kbd> for commands.
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
