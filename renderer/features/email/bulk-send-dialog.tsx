// Email many customers at once through SMTP: choose the template and who gets it (the customers ticked in the
// queue, or every customer the queue's current filter matches), then watch the progress bar and read the
// result. main resolves the recipients (those with a link, less the archived and those already authorized or
// checked out) and answers with counts and the first names, so the dialog stays small however many there
// are. main paces the sends and keys every message by this operation, so pressing Send again never sends
// anything twice; once sent, Send stays off. Without a mail server the dialog says so first, links to
// Settings › Email and offers a mail-merge CSV for the user's own mail app.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecipientsPreview } from '../../../shared/email/bulk-recipients';
import type { CustomerSelection } from '../../../shared/domain/customer-selection';
import { currentSelection, selectedCount } from '../../store/current-selection';
import type { SendSummary } from '../../../shared/email/send-summary';
import { emailTemplateKinds, type EmailTemplateKind } from '../../../shared/email/email-template';
import { call, errorMessage } from '../../api/authdesk-client';
import { Dialog } from '../../components/dialog';
import { useAppStore } from '../../store/app-store';
import { SendProgress, SendResults } from './send-results';
import { newRequestId, useOperationProgress } from './use-operation-progress';

export function BulkSendDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['email', 'domain']);
  const notify = useAppStore((state) => state.notify);
  // The queue's selection and filter are read once when the dialog opens.
  const [ticked] = useState(() => currentSelection(useAppStore.getState()));
  const [tickedCount] = useState(() => selectedCount(useAppStore.getState()));
  const [filter] = useState(() => useAppStore.getState().filter);
  const [scope, setScope] = useState<'ticked' | 'filter'>(ticked !== null ? 'ticked' : 'filter');
  const [preview, setPreview] = useState<RecipientsPreview | null>(null);
  const [template, setTemplate] = useState<EmailTemplateKind>('invitation');
  const [operationId, setOperationId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<SendSummary | null>(null);
  const progress = useOperationProgress(operationId);
  // null until known: whether a mail server is set up (else nothing can be sent from here).
  const [smtpConfigured, setSmtpConfigured] = useState<boolean | null>(null);
  const done = summary !== null && !running;
  const recipients: CustomerSelection = scope === 'ticked' && ticked !== null ? ticked : { kind: 'filter', filter };
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
    const query: CustomerSelection = scope === 'ticked' && ticked !== null ? ticked : { kind: 'filter', filter };
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
      // main asks where to save it and streams the rows there; a closed save dialog says nothing.
      const file = await call('exportMailMergeCsv', { recipients, operationId: newRequestId() });
      if (file.fileName !== null && !file.cancelled) {
        notify('success', t('bulk.mailMergeSaved', { file: file.fileName, count: file.rows }));
      }
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
      notify(
        answer.sent === answer.total ? 'success' : 'info',
        t('emailsSent', { sent: answer.sent, count: answer.total }),
      );
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
              <button type="button" disabled={count === 0} onClick={() => void saveMailMerge()}>
                {t('bulk.saveMailMerge')}
              </button>
            </div>
          </div>
        )}
        <fieldset className="email-recipients" disabled={running}>
          <legend>{t('bulk.recipients')}</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="bulk-scope"
              checked={scope === 'ticked'}
              disabled={ticked === null}
              onChange={() => choose('ticked')}
            />
            {t('bulk.scopeTicked', { count: tickedCount })}
          </label>
          <label className="checkbox">
            <input type="radio" name="bulk-scope" checked={scope === 'filter'} onChange={() => choose('filter')} />
            {t('bulk.scopeFilter')}
          </label>
          {preview === null ? (
            <p>{t('bulk.loading')}</p>
          ) : (
            <>
              <p role="status">
                {t('bulk.preview', { recipients: preview.recipients, total: preview.total })}
                {preview.alreadyAuthorized > 0 &&
                  ` ${t('bulk.alreadyAuthorized', { count: preview.alreadyAuthorized })}`}
                {preview.withoutLink > 0 && ` ${t('bulk.withoutLink', { count: preview.withoutLink })}`}
              </p>
              {preview.sample.length > 0 && (
                <ul className="email-recipient-list" aria-label={t('bulk.recipients')}>
                  {preview.sample.map((recipient) => (
                    <li key={recipient.customerId}>
                      {recipient.companyName} <span className="cell-secondary">{recipient.contactEmail}</span>{' '}
                      <span className="cell-secondary">· {t(`domain:status.${recipient.status}`)}</span>
                    </li>
                  ))}
                  {preview.recipients > preview.sample.length && (
                    <li className="cell-secondary">
                      {t('bulk.more', { count: preview.recipients - preview.sample.length })}
                    </li>
                  )}
                </ul>
              )}
            </>
          )}
        </fieldset>
        <SendProgress progress={progress} label={t('bulk.progress')} />
        <SendResults summary={summary} />
        <div className="form-actions">
          <button type="button" onClick={close}>
            {t('bulk.close')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={running || done || count === 0 || smtpConfigured !== true}
            onClick={() => void send()}
          >
            {running ? t('bulk.sending') : done ? t('bulk.sent') : t('bulk.send', { count })}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
