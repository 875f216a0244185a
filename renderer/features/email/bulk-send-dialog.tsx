// Email many customers at once through SMTP: choose the template and the recipients (pre-ticked from the
// queue's selection), then watch the progress bar and read the result per recipient. Main paces the sends
// and keys every message by this operation, so pressing Send again never sends anything twice.
import { useEffect, useMemo, useState } from 'react';
import type { Customer } from '../../../shared/domain/customer';
import type { SendResult } from '../../../shared/email/email-messages';
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
  const checkedIds = useAppStore((state) => state.checkedIds);
  const notify = useAppStore((state) => state.notify);
  const [candidates, setCandidates] = useState<Customer[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [template, setTemplate] = useState<EmailTemplateKind>('invitation');
  const [operationId, setOperationId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<SendResult[]>([]);
  const progress = useOperationProgress(operationId);

  useEffect(() => {
    if (!open) return;
    call('listCustomers', { status: 'all' })
      .then((customers) => {
        // Only customers with a link and not archived can be emailed.
        const withLink = customers.filter((customer) => customer.authorizationLink && customer.status !== 'archived');
        setCandidates(withLink);
        const preselected = withLink.filter((customer) => checkedIds.has(customer.id)).map((customer) => customer.id);
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
  };

  const send = async () => {
    const id = operationId ?? newRequestId();
    setOperationId(id);
    setRunning(true);
    try {
      const answer = await call('sendBulkEmail', { operationId: id, customerIds: [...chosen], template });
      setResults(answer);
      const sent = answer.filter((result) => result.outcome === 'sent').length;
      notify(sent === answer.length ? 'success' : 'info', `${sent} of ${answer.length} emails sent.`);
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Dialog title="Email customers" open={open} onClose={onClose} wide>
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
        {candidates === null ? (
          <p>Loading…</p>
        ) : candidates.length === 0 ? (
          <p>No customer has an authorization link yet.</p>
        ) : (
          <fieldset className="email-recipients" disabled={running}>
            <legend>
              Recipients ({chosen.size} of {candidates.length})
            </legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={allChosen}
                onChange={() => setChosen(allChosen ? new Set() : new Set(candidates.map((customer) => customer.id)))}
              />
              Select all
            </label>
            <ul className="email-recipient-list">
              {candidates.map((customer) => (
                <li key={customer.id}>
                  <label className="checkbox">
                    <input type="checkbox" checked={chosen.has(customer.id)} onChange={() => toggle(customer.id)} />
                    {customer.companyName} <span className="cell-secondary">{customer.contactEmail}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <SendProgress progress={progress} label="Sending emails" />
        <SendResults results={results} />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="primary" disabled={running || chosen.size === 0} onClick={() => void send()}>
            {running ? 'Sending…' : `Send ${chosen.size} email${chosen.size === 1 ? '' : 's'}`}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
