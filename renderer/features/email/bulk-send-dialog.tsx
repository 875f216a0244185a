// Email many customers at once through SMTP: choose the template and the recipients (pre-ticked from the
// queue's selection, less those already authorized or checked out; each shows its status), then watch the
// progress bar and read the result per recipient. Main paces the sends and keys every message by this
// operation, so pressing Send again never sends anything twice; once sent, Send stays off. Without a mail server
// the dialog says so first, links to Settings › Email and offers a mail-merge CSV for the user's own mail app.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { writeCsv } from '../../../shared/csv/write-csv';
import { saveTextAsDownload } from '../reports/save-download';
import type { Customer } from '../../../shared/domain/customer';
import type { SendResult } from '../../../shared/email/email-messages';
import { emailTemplateKinds, type EmailTemplateKind } from '../../../shared/email/email-template';
import { call, errorMessage } from '../../api/authdesk-client';
import { Dialog } from '../../components/dialog';
import { useAppStore } from '../../store/app-store';
import { SendProgress, SendResults } from './send-results';
import { newRequestId, useOperationProgress } from './use-operation-progress';

export function BulkSendDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['email', 'domain']);
  const checkedIds = useAppStore((state) => state.checkedIds);
  const notify = useAppStore((state) => state.notify);
  const [candidates, setCandidates] = useState<Customer[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [template, setTemplate] = useState<EmailTemplateKind>('invitation');
  const [operationId, setOperationId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<SendResult[]>([]);
  const progress = useOperationProgress(operationId);
  // null until known: whether a mail server is set up (else nothing can be sent from here).
  const [smtpConfigured, setSmtpConfigured] = useState<boolean | null>(null);
  const done = results.length > 0 && !running;

  useEffect(() => {
    if (!open) return;
    call('getEmailSettings', {})
      .then((settings) => setSmtpConfigured(settings.settings.smtp !== null))
      .catch((error: unknown) => notify('error', errorMessage(error)));
    call('listCustomers', { status: 'all' })
      .then((customers) => {
        // Only customers with a link and not archived can be emailed.
        const withLink = customers.filter((customer) => customer.authorizationLink && customer.status !== 'archived');
        setCandidates(withLink);
        // Those who authorized already need no invitation or reminder: shown, but not ticked.
        const preselected = withLink
          .filter((customer) => checkedIds.has(customer.id))
          .filter((customer) => customer.status !== 'authorized' && customer.status !== 'checked-out')
          .map((customer) => customer.id);
        setChosen(new Set(preselected));
      })
      .catch((error: unknown) => notify('error', errorMessage(error)));
    // The queue's selection is read once when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const allChosen = useMemo(
    () => candidates !== null && candidates.length > 0 && candidates.every((customer) => chosen.has(customer.id)),
    [candidates, chosen],
  );

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
    // Another set of recipients is another operation.
    setOperationId(null);
    setResults([]);
  };

  // Opened again later, the dialog starts a new operation.
  const close = () => {
    setResults([]);
    setOperationId(null);
    onClose();
  };

  // For the user's own mail app's mail merge: one row per recipient, with the link to put in the message.
  const saveMailMerge = () => {
    const rows = (candidates ?? [])
      .filter((customer) => chosen.has(customer.id))
      .map((customer) => [
        customer.companyName,
        customer.contactName,
        customer.contactEmail,
        customer.authorizationLink ?? '',
        t(`domain:status.${customer.status}`),
      ]);
    // The project's CSV writer: names that would run as a spreadsheet formula are defused.
    const csv = writeCsv(
      [
        t('bulk.mergeColumns.company'),
        t('bulk.mergeColumns.contact'),
        t('bulk.mergeColumns.email'),
        t('bulk.mergeColumns.link'),
        t('bulk.mergeColumns.status'),
      ],
      rows,
    );
    saveTextAsDownload('authdesk-mail-merge.csv', csv);
    notify('success', t('bulk.mailMergeSaved', { file: 'authdesk-mail-merge.csv', count: rows.length }));
  };

  const send = async () => {
    const id = operationId ?? newRequestId();
    setOperationId(id);
    setRunning(true);
    try {
      const answer = await call('sendBulkEmail', { operationId: id, customerIds: [...chosen], template });
      setResults(answer);
      const sent = answer.filter((result) => result.outcome === 'sent').length;
      notify(sent === answer.length ? 'success' : 'info', t('emailsSent', { sent, count: answer.length }));
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Dialog title={t('bulk.title')} open={open} onClose={close} wide>
      <div className="email-bulk">
        <div className="field">
          <label htmlFor="bulk-template">{t('bulk.template')}</label>
          <select
            id="bulk-template"
            value={template}
            disabled={running}
            onChange={(event) => {
              setTemplate(event.target.value as EmailTemplateKind);
              setOperationId(null);
            }}
          >
            {emailTemplateKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`domain:emailKind.${kind}`)}
              </option>
            ))}
          </select>
          <p className="field-hint">{t('bulk.templateHint')}</p>
        </div>
        {smtpConfigured === false && (
          <div className="warning" role="alert">
            <p>{t('bulk.noSmtp')}</p>
            <div className="button-row">
              <button
                type="button"
                onClick={() => {
                  close();
                  useAppStore.getState().setView('settings');
                }}
              >
                {t('bulk.openSettings')}
              </button>
              <button type="button" disabled={chosen.size === 0} onClick={saveMailMerge}>
                {t('bulk.saveMailMerge')}
              </button>
            </div>
          </div>
        )}
        {candidates === null ? (
          <p>{t('bulk.loading')}</p>
        ) : candidates.length === 0 ? (
          <p>{t('bulk.noCandidates')}</p>
        ) : (
          <fieldset className="email-recipients" disabled={running}>
            <legend>{t('bulk.recipients', { chosen: chosen.size, total: candidates.length })}</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={allChosen}
                onChange={() => setChosen(allChosen ? new Set() : new Set(candidates.map((customer) => customer.id)))}
              />
              {t('bulk.selectAll')}
            </label>
            <ul className="email-recipient-list">
              {candidates.map((customer) => (
                <li key={customer.id}>
                  <label className="checkbox">
                    <input type="checkbox" checked={chosen.has(customer.id)} onChange={() => toggle(customer.id)} />
                    {customer.companyName} <span className="cell-secondary">{customer.contactEmail}</span>{' '}
                    <span className="cell-secondary">· {t(`domain:status.${customer.status}`)}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <SendProgress progress={progress} label={t('bulk.progress')} />
        <SendResults results={results} />
        <div className="form-actions">
          <button type="button" onClick={close}>
            {t('bulk.close')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={running || done || chosen.size === 0 || smtpConfigured !== true}
            onClick={() => void send()}
          >
            {running ? t('bulk.sending') : done ? t('bulk.sent') : t('bulk.send', { count: chosen.size })}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
