// The authorization link and its hand-off: copy the link, copy the instructions, or open the mail client.
// Each hand-off is recorded in main, which moves a "Link ready" customer to "Sent".
import { useEffect, useState } from 'react';
import type { Customer } from '../../../shared/domain/customer';
import type { Instructions } from '../../../shared/ipc/contract';
import { isReadOnly } from '../../../shared/domain/customer-status';
import { call, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { LinkParts } from './link-parts';
import { queuedMessage } from '../../../shared/domain/waiting-action';

export function LinkPanel({ customer }: { customer: Customer }) {
  const showDetail = useAppStore((state) => state.showDetail);
  const notify = useAppStore((state) => state.notify);
  const [instructions, setInstructions] = useState<Instructions | null>(null);
  const [busy, setBusy] = useState(false);
  const link = customer.authorizationLink;

  useEffect(() => {
    if (!link) return;
    let cancelled = false;
    call('getInstructions', { customerId: customer.id })
      .then((value) => !cancelled && setInstructions(value))
      .catch((error: unknown) => notify('error', errorMessage(error)));
    return () => {
      cancelled = true;
    };
  }, [customer.id, link, notify]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const requestLink = () =>
    run(async () => {
      const detail = await call('requestAuthorizationLink', { customerId: customer.id });
      showDetail(detail);
      // Offline, the request is queued in the outbox and runs by itself once Partner Center is reachable.
      if (detail.customer.authorizationLink === null) notify('info', queuedMessage);
      else notify('success', 'Authorization link generated.');
    });

  const copy = (text: string, channel: 'copy-link' | 'copy-instructions', done: string) =>
    run(async () => {
      await navigator.clipboard.writeText(text);
      showDetail(await call('recordHandOff', { customerId: customer.id, channel }));
      notify('success', done);
    });

  const openMail = () =>
    run(async () => {
      if (instructions?.mailtoTooLong) {
        // Long mailto: links get cut off by mail clients: hand over the full text through the clipboard.
        await navigator.clipboard.writeText(instructions.body);
        showDetail(await call('recordHandOff', { customerId: customer.id, channel: 'copy-instructions' }));
        notify(
          'info',
          'The message is too long for a mail link: the instructions were copied instead. Paste them into an email.',
        );
        return;
      }
      const { detail, opened } = await call('openMailClient', { customerId: customer.id });
      showDetail(detail);
      notify(opened ? 'success' : 'error', opened ? 'Opened in your mail client.' : 'No mail client could be opened.');
    });

  return (
    <section className="panel" aria-labelledby="link-title">
      <h2 id="link-title">Authorization link</h2>
      {!link ? (
        <div className="panel-row">
          <p>No link yet. AuthDesk asks Partner Center for it.</p>
          {!isReadOnly(customer.status) && (
            <button type="button" className="primary" disabled={busy} onClick={() => void requestLink()}>
              Get authorization link
            </button>
          )}
        </div>
      ) : (
        <>
          <div className="link-box">
            <input readOnly aria-label="Authorization link" value={link} onFocus={(event) => event.target.select()} />
          </div>
          <LinkParts link={link} customer={customer} />
          <div className="button-row">
            <button type="button" disabled={busy} onClick={() => void copy(link, 'copy-link', 'Link copied.')}>
              Copy link
            </button>
            <button
              type="button"
              disabled={busy || !instructions}
              onClick={() => instructions && void copy(instructions.body, 'copy-instructions', 'Instructions copied.')}
            >
              Copy instructions
            </button>
            <button type="button" disabled={busy || !instructions} onClick={() => void openMail()}>
              Open in mail client
            </button>
          </div>
          {instructions && (
            <details className="instructions">
              <summary>Instructions for the customer</summary>
              <p className="instructions-subject">Subject: {instructions.subject}</p>
              <pre>{instructions.body}</pre>
            </details>
          )}
        </>
      )}
    </section>
  );
}
