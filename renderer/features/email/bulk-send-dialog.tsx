// Email many customers at once through SMTP: choose the template and who gets it (the customers ticked in the
// queue, or every customer the queue's current filter matches), then watch the progress bar and read the
// result. main resolves the recipients (those with a link, less the archived and those already authorized or
// checked out) and answers with counts and the first names, so the dialog stays small however many there
// are. main paces the sends and keys every message by this operation, so pressing Send again never sends
// anything twice; once sent, Send stays off. Without a mail server the dialog says so first, links to
// Settings › Email and offers a mail-merge CSV for the user's own mail app.
import { useEffect, useState } from 'react';
import { customerStatusLabels } from '../../../shared/domain/customer-status';
import type { RecipientsPreview, RecipientsQuery } from '../../../shared/email/bulk-recipients';
import type { SendSummary } from '../../../shared/email/send-summary';
import { saveTextAsDownload } from '../reports/save-download';
import {
  emailTemplateKindLabels,
  emailTemplateKinds,
  type EmailTemplateKind,
} from '../../../shared/email/email-template';
import { call, errorMessage } from '../../api/authdesk-client';
import { Dialog } from '../../components/dialog';
import { useAppStore } from '../../store/app-store';
import { SendProgress, SendResults } from './send-results';
import { newRequestId, useOperationProgress } from './use-operation-progress';

export function BulkSendDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const notify = useAppStore((state) => state.notify);
  // The queue's selection and filter are read once when the dialog opens.
  const [ticked] = useState(() => [...useAppStore.getState().checkedIds]);
  const [filter] = useState(() => useAppStore.getState().filter);
  const [scope, setScope] = useState<'ticked' | 'filter'>(ticked.length > 0 ? 'ticked' : 'filter');
  const [preview, setPreview] = useState<RecipientsPreview | null>(null);
  const [template, setTemplate] = useState<EmailTemplateKind>('invitation');
  const [operationId, setOperationId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<SendSummary | null>(null);
  const progress = useOperationProgress(operationId);
  // null until known: whether a mail server is set up (else nothing can be sent from here).
  const [smtpConfigured, setSmtpConfigured] = useState<boolean | null>(null);
  const done = summary !== null && !running;
  const recipients: RecipientsQuery =
    scope === 'ticked' ? { kind: 'customers', customerIds: ticked } : { kind: 'filter', filter };
  const count = preview?.recipients ?? 0;

  useEffect(() => {
    if (!open) return;
    call('getEmailSettings', {})
      .then((settings) => setSmtpConfigured(settings.settings.smtp !== null))
      .catch((error: unknown) => notify('error', errorMessage(error)));
  }, [open, notify]);

  useEffect(() => {
    if (!open) return;
    let current = true;
    const query: RecipientsQuery =
      scope === 'ticked' ? { kind: 'customers', customerIds: ticked } : { kind: 'filter', filter };
    call('previewBulkEmail', { recipients: query })
      .then((answer) => current && setPreview(answer))
      .catch((error: unknown) => notify('error', errorMessage(error)));
    return () => {
      current = false;
    };
  }, [open, scope, ticked, filter, notify]);

  const choose = (next: 'ticked' | 'filter') => {
    setScope(next);
    setPreview(null);
    // Other recipients are another operation.
    setOperationId(null);
    setSummary(null);
  };

  // Opened again later, the dialog starts a new operation.
  const close = () => {
    setSummary(null);
    setOperationId(null);
    onClose();
  };

  const saveMailMerge = async () => {
    try {
      const file = await call('exportMailMergeCsv', { recipients });
      saveTextAsDownload(file.fileName, file.csv);
      notify('success', `${file.fileName}: ${file.rows} recipients.`);
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  const send = async () => {
    const id = operationId ?? newRequestId();
    setOperationId(id);
    setRunning(true);
    try {
      const answer = await call('sendBulkEmail', { operationId: id, recipients, template });
      setSummary(answer);
      notify(answer.sent === answer.total ? 'success' : 'info', `${answer.sent} of ${answer.total} emails sent.`);
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Dialog title="Email customers" open={open} onClose={close} wide>
      <div className="email-bulk">
        <div className="field">
          <label htmlFor="bulk-template">Template</label>
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
                {emailTemplateKindLabels[kind]}
              </option>
            ))}
          </select>
          <p className="field-hint">Each customer gets the template in their own language, through SMTP.</p>
        </div>
        {smtpConfigured === false && (
          <div className="warning" role="alert">
            <p>
              No mail server is set up, so AuthDesk cannot send these emails itself. Set one up in Settings › Email, or
              save the recipients as a mail-merge CSV for your own mail app.
            </p>
            <div className="button-row">
              <button
                type="button"
                onClick={() => {
                  close();
                  useAppStore.getState().setView('settings');
                }}
              >
                Set up email in Settings
              </button>
              <button type="button" disabled={count === 0} onClick={() => void saveMailMerge()}>
                Save a mail-merge CSV
              </button>
            </div>
          </div>
        )}
        <fieldset className="email-recipients" disabled={running}>
          <legend>Recipients</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="bulk-scope"
              checked={scope === 'ticked'}
              disabled={ticked.length === 0}
              onChange={() => choose('ticked')}
            />
            The {ticked.length} customer{ticked.length === 1 ? '' : 's'} ticked in the queue
          </label>
          <label className="checkbox">
            <input type="radio" name="bulk-scope" checked={scope === 'filter'} onChange={() => choose('filter')} />
            Every customer in the queue&apos;s current view
          </label>
          {preview === null ? (
            <p>Loading…</p>
          ) : (
            <>
              <p role="status">
                {preview.recipients} of {preview.total} will get this email.
                {preview.alreadyAuthorized > 0 && ` ${preview.alreadyAuthorized} already authorized or checked out.`}
                {preview.withoutLink > 0 && ` ${preview.withoutLink} without a link yet or archived.`}
              </p>
              {preview.sample.length > 0 && (
                <ul className="email-recipient-list" aria-label="Recipients">
                  {preview.sample.map((recipient) => (
                    <li key={recipient.customerId}>
                      {recipient.companyName} <span className="cell-secondary">{recipient.contactEmail}</span>{' '}
                      <span className="cell-secondary">· {customerStatusLabels[recipient.status]}</span>
                    </li>
                  ))}
                  {preview.recipients > preview.sample.length && (
                    <li className="cell-secondary">and {preview.recipients - preview.sample.length} more</li>
                  )}
                </ul>
              )}
            </>
          )}
        </fieldset>
        <SendProgress progress={progress} label="Sending emails" />
        <SendResults summary={summary} />
        <div className="form-actions">
          <button type="button" onClick={close}>
            Close
          </button>
          <button
            type="button"
            className="primary"
            disabled={running || done || count === 0 || smtpConfigured !== true}
            onClick={() => void send()}
          >
            {running ? 'Sending…' : done ? 'Sent' : `Send ${count} email${count === 1 ? '' : 's'}`}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
