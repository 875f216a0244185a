// The bulk actions on the ticked customers, each run as one operation with progress and per-customer results.
// Verify goes through main's verifyCustomers (paced for Partner Center); the others through the queue service.
import type { BulkItemResult, TrackingChange } from '../../../shared/domain/customer-tracking';
import type { VerificationOutcome } from '../../../shared/domain/verification';
import { call, errorMessage } from '../../api/authdesk-client';
import { i18n } from '../../i18n/i18n';
import { useAppStore } from '../../store/app-store';
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
async function run(label: string, operationId: string, work: (ids: string[]) => Promise<BulkItemResult[]>) {
  const state = useAppStore.getState();
  const ids = [...state.checkedIds];
  if (ids.length === 0) {
    state.notify('info', i18n.t('queue:bulk.tickFirst'));
    return;
  }
  state.startOperation(operationId, label, ids.length);
  try {
    const results = await work(ids);
    useAppStore.getState().finishOperation(operationId, results);
    const failed = results.filter((result) => !result.ok).length;
    useAppStore
      .getState()
      .notify(
        failed > 0 ? 'info' : 'success',
        i18n.t('queue:bulk.summary', { label, done: results.length - failed, failed }),
      );
  } catch (error) {
    useAppStore.getState().finishOperation(operationId, []);
    useAppStore.getState().notify('error', errorMessage(error));
  }
  void useAppStore.getState().loadQueue();
  void useAppStore.getState().refreshSelected();
}

const newOperationId = () => crypto.randomUUID();

export const bulkVerify = () =>
  run(i18n.t('queue:bulk.verify'), verifyOperationId, async (customerIds) => {
    const [{ results }, names] = await Promise.all([
      call('verifyCustomers', { customerIds }),
      call('getAuthorizationLinks', { customerIds }),
    ]);
    const nameOf = new Map(names.map((entry) => [entry.customerId, entry.companyName]));
    return results.map((result) => ({
      customerId: result.customerId,
      companyName: nameOf.get(result.customerId) ?? result.customerId,
      // Done means authorized; anything else (not accepted yet, partial, an error) is listed as still to do.
      ok: 'outcome' in result && result.outcome === 'authorized',
      message: 'outcome' in result ? outcomeMessage(result.outcome) : translateMessage(result.error.message),
    }));
  });

// One link per line on the clipboard; customers without a link yet are reported, not skipped silently.
export const bulkCopyLinks = () => {
  const operationId = newOperationId();
  return run(i18n.t('queue:bulk.copyLinks'), operationId, async (customerIds) => {
    const links = await call('getAuthorizationLinks', { customerIds });
    const withLink = links.filter((entry) => entry.link !== null);
    const missing: BulkItemResult[] = links
      .filter((entry) => entry.link === null)
      .map((entry) => ({ ...entry, ok: false, message: i18n.t('queue:bulk.noLinkYet') }));
    if (withLink.length === 0) return missing;
    // One row per customer, tab-separated (a spreadsheet splits them into columns): company, email, link.
    await navigator.clipboard.writeText(
      withLink.map((entry) => [entry.companyName, entry.contactEmail, entry.link].join('\t')).join('\n'),
    );
    const recorded = await call('recordLinksCopied', {
      customerIds: withLink.map((entry) => entry.customerId),
      operationId,
    });
    return [...recorded, ...missing];
  });
};

export const bulkChangeTracking = (change: TrackingChange, label: string) => {
  const operationId = newOperationId();
  return run(label, operationId, (customerIds) =>
    call('changeCustomersTracking', { customerIds, operationId, change }),
  );
};

export const bulkArchive = () => {
  const operationId = newOperationId();
  return run(i18n.t('queue:bulk.archive'), operationId, (customerIds) =>
    call('archiveCustomers', { customerIds, operationId }),
  );
};
