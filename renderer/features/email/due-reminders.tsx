// The queue's email tools: the "Due today" reminders (send one, send all, snooze) and "Email customers…"
// for a bulk send. Refreshes whenever a customer changes, so authorized customers drop off the list. The list
// is main's: its count, windows of it as they scroll into view, and "Send all" resolved there.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnsentEmails as UnsentEmailsWindow } from '../../../shared/email/email-messages';
import type { SendSummary } from '../../../shared/email/send-summary';
import { call, errorMessage, subscribe } from '../../api/authdesk-client';
import { coalesced } from '../../api/coalesced';
import { useAppStore } from '../../store/app-store';
import { BulkSendDialog } from './bulk-send-dialog';
import { DueReminderList } from './due-reminder-list';
import { SendProgress, SendResults } from './send-results';
import { UnsentEmails } from './unsent-emails';
import { newRequestId, useOperationProgress } from './use-operation-progress';
import { useDueReminders } from './use-due-reminders';
import '../../styles/email.css';

// Longer than this, the list starts folded so it does not push the queue off the screen.
const expandedUpTo = 5;

export function DueReminders() {
  const { t } = useTranslation('email');
  const notify = useAppStore((state) => state.notify);
  const selectCustomer = useAppStore((state) => state.selectCustomer);
  const onError = useCallback((error: unknown) => notify('error', errorMessage(error)), [notify]);
  const due = useDueReminders(onError);
  // null: the user has not folded or unfolded the list, so its length decides.
  const [expanded, setExpanded] = useState<boolean | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [operationId, setOperationId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<SendSummary | null>(null);
  const progress = useOperationProgress(operationId);

  const [unsent, setUnsent] = useState<UnsentEmailsWindow>({ emails: [], total: 0, failed: 0 });

  const { reload } = due;
  // Coalesced: a bulk action's burst of customerChanged asks main once more, not once per customer.
  const load = useMemo(
    () =>
      coalesced(async () => {
        await Promise.all([reload(), call('listUnsentEmails', {}).then(setUnsent).catch(onError)]);
      }),
    [reload, onError],
  );

  const retry = async () => {
    setRunning(true);
    try {
      const answer = await call('retryFailedEmails', {});
      setSummary(answer);
      notify(
        answer.sent === answer.total ? 'success' : 'error',
        t('emailsSent', { sent: answer.sent, count: answer.total }),
      );
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setRunning(false);
      void load();
    }
  };

  // The due list is worked out over every waiting customer in main: asked for once the queue's first window is
  // on screen, so it never holds up the start.
  const queueLoaded = useAppStore((state) => state.queueLoaded);
  useEffect(() => {
    if (!queueLoaded) return;
    void load();
    const stop = subscribe('customerChanged', () => void load());
    // Reminders fall due as time passes: look again every few minutes.
    const timer = window.setInterval(load, 5 * 60_000);
    return () => {
      stop();
      window.clearInterval(timer);
    };
  }, [load, queueLoaded]);

  // customerIds null: every reminder due, as main counts them (not only the rows fetched here).
  const send = async (customerIds: string[] | null) => {
    const id = newRequestId();
    setOperationId(id);
    setRunning(true);
    try {
      const answer = await call('sendDueReminders', { operationId: id, customerIds });
      setSummary(answer);
      notify(
        answer.sent === answer.total ? 'success' : 'error',
        t('due.remindersSent', { sent: answer.sent, count: answer.total }),
      );
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setRunning(false);
      void load();
    }
  };

  const snooze = async (customerId: string) => {
    try {
      await call('snoozeReminders', { customerId, days: 1 });
      notify('success', t('due.snoozedTomorrow'));
      void load();
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  const total = due.total ?? 0;
  const open = expanded ?? (total > 0 && total <= expandedUpTo);

  return (
    <section className="email-queue-tools" aria-label={t('due.label')}>
      <details
        className="due-reminders"
        open={open}
        onToggle={(event) => {
          const now = event.currentTarget.open;
          if (now !== open) setExpanded(now);
        }}
      >
        <summary>
          {t('due.title')} <span className="due-count">{total}</span>
        </summary>
        {total === 0 ? (
          <p className="field-hint">{t('due.none')}</p>
        ) : (
          open && (
            <DueReminderList
              due={due}
              busy={running}
              onOpen={(customerId) => void selectCustomer(customerId)}
              onSend={(reminder) => void send([reminder.customerId])}
              onSnooze={(reminder) => void snooze(reminder.customerId)}
            />
          )
        )}
        <div className="button-row">
          {total > 0 && (
            <button type="button" className="primary" disabled={running} onClick={() => void send(null)}>
              {t('due.sendAll')}
            </button>
          )}
        </div>
        <SendProgress progress={progress} label={t('due.progress')} />
        <SendResults summary={summary} />
      </details>
      <UnsentEmails unsent={unsent} busy={running} onRetry={() => void retry()} />
      <div className="button-row">
        <button type="button" onClick={() => setBulkOpen(true)}>
          {t('due.emailCustomers')}
        </button>
      </div>
      {bulkOpen && <BulkSendDialog open={bulkOpen} onClose={() => setBulkOpen(false)} />}
    </section>
  );
}
