// The bulk actions on the selected customers, each run as one operation with progress and, at the end, the
// counts and the first customers it could not do. They send the selection (the ticked ids, or the filter
// after "select all matching") and main resolves it. Verify goes through main's verifyCustomers (paced for
// Partner Center); the others through the queue service.
import { bulkNotDoneShownLimit, type BulkSummary } from '../../../shared/domain/bulk-summary';
import type { CustomerSelection } from '../../../shared/domain/customer-selection';
import type { TrackingChange } from '../../../shared/domain/customer-tracking';
import type { VerificationOutcome } from '../../../shared/domain/verification';
import { call, errorMessage } from '../../api/authdesk-client';
import { i18n } from '../../i18n/i18n';
import { useAppStore } from '../../store/app-store';
import { currentSelection, selectedCount } from '../../store/current-selection';
import { translateMessage } from '../../i18n/translate-message';

const outcomeMessage = (outcome: VerificationOutcome): string =>
  ({
    authorized: i18n.t('queue:bulk.outcome.authorized'),
    partial: i18n.t('queue:bulk.outcome.partial'),
    'not-authorized': i18n.t('queue:bulk.outcome.notAuthorized'),
    unknown: i18n.t('queue:bulk.outcome.unknown'),
  })[outcome];

// main names verify operations itself; progress events of kind "verify" are followed while one runs.
export const verifyOperationId = 'verify';

// label: the action's name in the screen's language, shown in the progress and the notice.
async function run(label: string, operationId: string, work: (selection: CustomerSelection) => Promise<BulkSummary>) {
  const state = useAppStore.getState();
  const selection = currentSelection(state);
  if (selection === null || selectedCount(state) === 0) {
    state.notify('info', i18n.t('queue:bulk.tickFirst'));
    return;
  }
  state.startOperation(operationId, label, selectedCount(state));
  try {
    const summary = await work(selection);
    const translated = {
      ...summary,
      notDone: summary.notDone.map((item) => ({ ...item, message: translateMessage(item.message) })),
    };
    useAppStore.getState().finishOperation(operationId, translated);
    const failed = summary.notDoneCount;
    useAppStore
      .getState()
      .notify(
        failed > 0 ? 'info' : 'success',
        i18n.t('queue:bulk.summary', { label, done: summary.total - failed, failed }),
      );
  } catch (error) {
    useAppStore.getState().finishOperation(operationId, null);
    useAppStore.getState().notify('error', errorMessage(error));
  }
  void useAppStore.getState().loadQueue();
  void useAppStore.getState().refreshSelected();
}

const newOperationId = () => crypto.randomUUID();

export const bulkVerify = () =>
  run(i18n.t('queue:bulk.verify'), verifyOperationId, async (selection) => {
    const answer = await call('verifyCustomers', { selection });
    // Done means authorized; anything else (not accepted yet, partial, an error) is listed as still to do.
    return {
      total: answer.total,
      notDoneCount: answer.total - answer.authorized,
      notDone: answer.notAuthorized.map((item) => ({
        customerId: item.customerId,
        companyName: item.companyName,
        message: 'outcome' in item ? outcomeMessage(item.outcome) : item.error.message,
      })),
    };
  });

// One link per line on the clipboard; customers without a link yet are reported, not skipped silently.
export const bulkCopyLinks = () => {
  const operationId = newOperationId();
  return run(i18n.t('queue:bulk.copyLinks'), operationId, async (selection) => {
    const prepared = await call('prepareLinksCopy', { selection, operationId });
    const missing = prepared.withoutLink.map((item) => ({ ...item, message: i18n.t('queue:bulk.noLinkYet') }));
    if (prepared.withLink === 0) {
      return { total: prepared.withoutLinkCount, notDoneCount: prepared.withoutLinkCount, notDone: missing };
    }
    // One row per customer, tab-separated (a spreadsheet splits them into columns): company, email, link.
    await navigator.clipboard.writeText(prepared.text);
    const recorded = await call('recordLinksCopied', { operationId });
    return {
      total: recorded.total + prepared.withoutLinkCount,
      notDoneCount: recorded.notDoneCount + prepared.withoutLinkCount,
      notDone: [...recorded.notDone, ...missing].slice(0, bulkNotDoneShownLimit),
    };
  });
};

export const bulkChangeTracking = (change: TrackingChange, label: string) => {
  const operationId = newOperationId();
  return run(label, operationId, (selection) => call('changeCustomersTracking', { selection, operationId, change }));
};

export const bulkArchive = () => {
  const operationId = newOperationId();
  return run(i18n.t('queue:bulk.archive'), operationId, (selection) =>
    call('archiveCustomers', { selection, operationId }),
  );
};
