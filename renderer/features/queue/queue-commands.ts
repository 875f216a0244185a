// The commands the keyboard shortcuts and the command palette share: one list, so the palette, the "?" help
// and the key handler never disagree. The labels are in the screen's language when the list is built: the
// queue rebuilds it when the language changes.
import type { SavedView } from '../../../shared/domain/queue-query';
import { customerStatuses } from '../../../shared/domain/customer-status';
import { errorMessage } from '../../api/authdesk-client';
import { i18n } from '../../i18n/i18n';
import { useAppStore } from '../../store/app-store';
import { selectedCount } from '../../store/current-selection';
import { exportCsv, type ExportKind } from '../reports/export-csv';
import { bulkCopyLinks, bulkVerify } from './bulk-actions';

export interface QueueCommand {
  id: string;
  label: string;
  // The single key that runs it from the queue (shown in the palette and the help).
  key?: string;
  run: () => void;
}

// Clicks a button of the open customer, found by its label in the screen's language: the shortcut does exactly
// what the button does.
// The open customer's buttons carry data-command, so a shortcut finds its button in any language.
function clickCustomerButton(command: CustomerButtonCommand): boolean {
  const button = document.querySelector<HTMLButtonElement>(
    `.customer-view button[data-command="${command}"]:not([disabled])`,
  );
  button?.click();
  return button !== null;
}

function focusSearch(): void {
  const input = document.querySelector<HTMLInputElement>('.queue-toolbar input[type="search"]');
  input?.focus();
  input?.select();
}

export type CustomerButtonCommand = 'verify' | 'copy-link' | 'open-mail';

export function queueCommands(savedViews: SavedView[], openHelp: () => void): QueueCommand[] {
  const state = () => useAppStore.getState();
  // name: the open customer's button as the user reads it, for the notice when it is not there.
  const withCustomer = (command: CustomerButtonCommand, name: () => string, bulk?: () => void) => () => {
    const { selectedCustomerId, notify } = state();
    if (bulk && selectedCount(state()) > 0 && selectedCustomerId === null) return bulk();
    if (!clickCustomerButton(command)) notify('info', i18n.t('queue:commands.notAvailable', { name: name() }));
  };
  return [
    { id: 'search', label: i18n.t('queue:commands.search'), key: '/', run: focusSearch },
    {
      id: 'new',
      label: i18n.t('queue:commands.new'),
      key: 'N',
      run: () => (state().profile ? state().setNewCustomerOpen(true) : state().setView('settings')),
    },
    {
      id: 'verify',
      label: i18n.t('queue:commands.verify'),
      key: 'V',
      run: withCustomer('verify', () => i18n.t('queue:customerButtons.verify'), bulkVerify),
    },
    {
      id: 'copy',
      label: i18n.t('queue:commands.copy'),
      key: 'C',
      run: withCustomer('copy-link', () => i18n.t('queue:customerButtons.copyLink'), bulkCopyLinks),
    },
    {
      id: 'email',
      label: i18n.t('queue:commands.email'),
      key: 'E',
      run: withCustomer('open-mail', () => i18n.t('queue:customerButtons.openInMail')),
    },
    { id: 'verify-selected', label: i18n.t('queue:commands.verifySelected'), run: () => void bulkVerify() },
    { id: 'copy-selected', label: i18n.t('queue:commands.copySelected'), run: () => void bulkCopyLinks() },
    { id: 'select-all', label: i18n.t('queue:commands.selectAll'), run: () => state().selectAllMatching() },
    { id: 'clear', label: i18n.t('queue:commands.clear'), run: () => state().clearSelection() },
    ...savedViews.map((view) => ({
      id: `view-${view.id}`,
      label: i18n.t('queue:commands.view', { name: view.name }),
      run: () => state().applyView(view),
    })),
    { id: 'all', label: i18n.t('queue:commands.showAll'), run: () => state().setFilter({ status: 'all' }) },
    { id: 'open', label: i18n.t('queue:commands.showOpen'), run: () => state().setFilter({ status: 'open' }) },
    ...customerStatuses.map((status) => ({
      id: `status-${status}`,
      label: i18n.t('queue:commands.showStatus', { status: i18n.t(`domain:status.${status}`) }),
      run: () => state().setFilter({ status }),
    })),
    {
      id: 'import',
      label: i18n.t('queue:commands.import'),
      run: () => (state().profile ? state().setImportOpen(true) : state().setView('settings')),
    },
    {
      id: 'export-customers',
      label: i18n.t('queue:commands.exportCustomers'),
      run: () => exportFromQueue('customers'),
    },
    { id: 'export-history', label: i18n.t('queue:commands.exportHistory'), run: () => exportFromQueue('history') },
    { id: 'queue', label: i18n.t('queue:commands.openQueue'), run: () => state().setView('queue') },
    { id: 'reports', label: i18n.t('queue:commands.openReports'), run: () => state().setView('reports') },
    { id: 'settings', label: i18n.t('queue:commands.openSettings'), run: () => state().setView('settings') },
    { id: 'help', label: i18n.t('queue:commands.help'), key: '?', run: openHelp },
  ];
}

function exportFromQueue(kind: ExportKind): void {
  const { filter, notify } = useAppStore.getState();
  exportCsv(kind, filter).then(
    (done) => notify('success', done),
    (error: unknown) => notify('error', errorMessage(error)),
  );
}
