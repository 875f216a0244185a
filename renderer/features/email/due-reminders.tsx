// The queue's email tools: the "Due today" reminders (send one, send all, snooze) and "Email customers…"
// for a bulk send. Refreshes whenever a customer changes, so authorized customers drop off the list.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueReminder, SendResult, UnsentEmail } from '../../../shared/email/email-messages';
import { call, errorMessage, subscribe } from '../../api/authdesk-client';
import { formatDateTime } from '../../components/format-time';
import { useAppStore } from '../../store/app-store';
import { BulkSendDialog } from './bulk-send-dialog';
import { SendProgress, SendResults } from './send-results';
import { UnsentEmails } from './unsent-emails';
import { newRequestId, useOperationProgress } from './use-operation-progress';
import '../../styles/email.css';

export function DueReminders() {
  const { t } = useTranslation('email');
  const notify = useAppStore((state) => state.notify);
  const selectCustomer = useAppStore((state) => state.selectCustomer);
  const [due, setDue] = useState<DueReminder[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [operationId, setOperationId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<SendResult[]>([]);
  const progress = useOperationProgress(operationId);

  const [unsent, setUnsent] = useState<UnsentEmail[]>([]);

  const load = useCallback(() => {
    Promise.all([call('listDueReminders', {}), call('listUnsentEmails', {})])
      .then(([dueNow, waiting]) => {
        setDue(dueNow);
        setUnsent(waiting);
      })
      .catch((error: unknown) => notify('error', errorMessage(error)));
  }, [notify]);

  const retry = async () => {
    setRunning(true);
    try {
      const answer = await call('retryFailedEmails', {});
      setResults(answer);
      const sent = answer.filter((result) => result.outcome === 'sent').length;
      notify(sent === answer.length ? 'success' : 'error', t('emailsSent', { sent, count: answer.length }));
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setRunning(false);
      load();
    }
  };

  useEffect(() => {
    load();
    const stop = subscribe('customerChanged', () => load());
    // Reminders fall due as time passes: look again every few minutes.
    const timer = window.setInterval(load, 5 * 60_000);
    return () => {
      stop();
      window.clearInterval(timer);
    };
  }, [load]);

  const send = async (customerIds: string[] | null) => {
    const id = newRequestId();
    setOperationId(id);
    setRunning(true);
    try {
      const answer = await call('sendDueReminders', { operationId: id, customerIds });
      setResults(answer);
      const sent = answer.filter((result) => result.outcome === 'sent').length;
      notify(sent === answer.length ? 'success' : 'error', t('due.remindersSent', { sent, count: answer.length }));
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setRunning(false);
      load();
    }
  };

  const snooze = async (customerId: string) => {
    try {
      await call('snoozeReminders', { customerId, days: 1 });
      notify('success', t('due.snoozedTomorrow'));
      load();
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  return (
    <section className="email-queue-tools" aria-label={t('due.label')}>
      <details className="due-reminders" open={due.length > 0}>
        <summary>
          {t('due.title')} <span className="due-count">{due.length}</span>
        </summary>
        {due.length === 0 ? (
          <p className="field-hint">{t('due.none')}</p>
        ) : (
          <ul className="due-list" aria-label={t('due.listLabel')}>
            {due.map((reminder) => (
              <li key={reminder.customerId}>
                <button type="button" className="link-button" onClick={() => void selectCustomer(reminder.customerId)}>
                  {reminder.companyName}
                </button>
                <span className="cell-secondary">
                  {t('due.line', {
                    step: reminder.step,
                    date: formatDateTime(reminder.dueAt),
                    language: reminder.languageName,
                  })}
                </span>
                <span className="due-actions">
                  <button type="button" disabled={running} onClick={() => void send([reminder.customerId])}>
                    {t('due.send')}
                  </button>
                  <button type="button" disabled={running} onClick={() => void snooze(reminder.customerId)}>
                    {t('due.snooze')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
        <div className="button-row">
          {due.length > 0 && (
            <button type="button" className="primary" disabled={running} onClick={() => void send(null)}>
              {t('due.sendAll')}
            </button>
          )}
        </div>
        <SendProgress progress={progress} label={t('due.progress')} />
        <SendResults results={results} />
      </details>
      <UnsentEmails emails={unsent} busy={running} onRetry={() => void retry()} />
      <div className="button-row">
        <button type="button" onClick={() => setBulkOpen(true)}>
          {t('due.emailCustomers')}
        </button>
      </div>
      {bulkOpen && <BulkSendDialog open={bulkOpen} onClose={() => setBulkOpen(false)} />}
    </section>
  );
}
