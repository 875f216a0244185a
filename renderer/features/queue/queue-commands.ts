// The commands the keyboard shortcuts and the command palette share: one list, so the palette, the "?" help
// and the key handler never disagree.
import type { SavedView } from '../../../shared/domain/queue-query';
import { customerStatuses, customerStatusLabels } from '../../../shared/domain/customer-status';
import { errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { exportCsv, type ExportKind } from '../reports/export-csv';
import { bulkCopyLinks, bulkVerify } from './bulk-actions';

export interface QueueCommand {
  id: string;
  label: string;
  // The single key that runs it from the queue (shown in the palette and the help).
  key?: string;
  run: () => void;
}

// Clicks a button of the open customer: the shortcut does exactly what the button does.
function clickCustomerButton(name: string): boolean {
  const buttons = document.querySelectorAll<HTMLButtonElement>('.customer-view button');
  const button = [...buttons].find((candidate) => candidate.textContent?.trim() === name && !candidate.disabled);
  button?.click();
  return button !== undefined;
}

function focusSearch(): void {
  const input = document.querySelector<HTMLInputElement>('input[aria-label="Search customers"]');
  input?.focus();
  input?.select();
}

export function queueCommands(savedViews: SavedView[], openHelp: () => void): QueueCommand[] {
  const state = () => useAppStore.getState();
  const withCustomer = (name: string, bulk?: () => void) => () => {
    const { checkedIds, selectedCustomerId, notify } = state();
    if (bulk && checkedIds.size > 0 && selectedCustomerId === null) return bulk();
    if (!clickCustomerButton(name)) notify('info', `“${name}” is not available for the open customer.`);
  };
  return [
    { id: 'search', label: 'Search customers', key: '/', run: focusSearch },
    {
      id: 'new',
      label: 'New customer',
      key: 'N',
      run: () => (state().profile ? state().setNewCustomerOpen(true) : state().setView('settings')),
    },
    { id: 'verify', label: 'Verify authorization', key: 'V', run: withCustomer('Verify authorization', bulkVerify) },
    { id: 'copy', label: 'Copy link', key: 'C', run: withCustomer('Copy link', bulkCopyLinks) },
    { id: 'email', label: 'Email the customer (mail client)', key: 'E', run: withCustomer('Open in mail client') },
    { id: 'verify-selected', label: 'Verify selected customers', run: () => void bulkVerify() },
    { id: 'copy-selected', label: 'Copy links of selected customers', run: () => void bulkCopyLinks() },
    { id: 'select-all', label: 'Select all matching', run: () => void state().selectAllMatching() },
    { id: 'clear', label: 'Clear selection', run: () => state().clearSelection() },
    ...savedViews.map((view) => ({
      id: `view-${view.id}`,
      label: `View: ${view.name}`,
      run: () => state().applyView(view),
    })),
    { id: 'all', label: 'Show all customers', run: () => state().setFilter({ status: 'all' }) },
    { id: 'open', label: 'Show open customers', run: () => state().setFilter({ status: 'open' }) },
    ...customerStatuses.map((status) => ({
      id: `status-${status}`,
      label: `Show customers in ${customerStatusLabels[status]}`,
      run: () => state().setFilter({ status }),
    })),
    {
      id: 'import',
      label: 'Import customers from CSV…',
      run: () => (state().profile ? state().setImportOpen(true) : state().setView('settings')),
    },
    { id: 'export-customers', label: 'Export customers of this view as CSV', run: () => exportFromQueue('customers') },
    { id: 'export-history', label: 'Export history of this view as CSV', run: () => exportFromQueue('history') },
    { id: 'queue', label: 'Open the queue', run: () => state().setView('queue') },
    { id: 'reports', label: 'Open reports', run: () => state().setView('reports') },
    { id: 'settings', label: 'Open settings', run: () => state().setView('settings') },
    { id: 'help', label: 'Keyboard shortcuts', key: '?', run: openHelp },
  ];
}

function exportFromQueue(kind: ExportKind): void {
  const { filter, notify } = useAppStore.getState();
  exportCsv(kind, filter).then(
    (done) => notify('success', done),
    (error: unknown) => notify('error', errorMessage(error)),
  );
}
