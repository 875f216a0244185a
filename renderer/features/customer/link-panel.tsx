// The authorization link and its hand-off: copy the link, copy the instructions, or open the mail client.
// Each hand-off is recorded in main, which moves a "Link ready" customer to "Sent".
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/domain/customer';
import type { Instructions } from '../../../shared/ipc/contract';
import { isReadOnly } from '../../../shared/domain/customer-status';
import { call, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { LinkParts } from './link-parts';

export function LinkPanel({ customer }: { customer: Customer }) {
  const { t } = useTranslation(['customer', 'verify']);
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
      if (detail.customer.authorizationLink === null) notify('info', t('verify:dialog.queued'));
      else notify('success', t('link.generated'));
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
        notify('info', t('link.tooLongForMail'));
        return;
      }
      const { detail, opened } = await call('openMailClient', { customerId: customer.id });
      showDetail(detail);
      notify(opened ? 'success' : 'error', opened ? t('link.mailOpened') : t('link.noMailClient'));
    });

  return (
    <section className="panel" aria-labelledby="link-title">
      <h2 id="link-title">{t('link.title')}</h2>
      {!link ? (
        <div className="panel-row">
          <p>{t('link.none')}</p>
          {!isReadOnly(customer.status) && (
            <button type="button" className="primary" disabled={busy} onClick={() => void requestLink()}>
              {t('link.get')}
            </button>
          )}
        </div>
      ) : (
        <>
          <div className="link-box">
            <input readOnly aria-label={t('link.field')} value={link} onFocus={(event) => event.target.select()} />
          </div>
          <LinkParts link={link} customer={customer} />
          <div className="button-row">
            <button
              type="button"
              data-command="copy-link"
              disabled={busy}
              onClick={() => void copy(link, 'copy-link', t('link.linkCopied'))}
            >
              {t('link.copyLink')}
            </button>
            <button
              type="button"
              disabled={busy || !instructions}
              onClick={() =>
                instructions && void copy(instructions.body, 'copy-instructions', t('link.instructionsCopied'))
              }
            >
              {t('link.copyInstructions')}
            </button>
            <button
              type="button"
              data-command="open-mail"
              disabled={busy || !instructions}
              onClick={() => void openMail()}
            >
              {t('link.openMail')}
            </button>
          </div>
          {instructions && (
            <details className="instructions">
              <summary>{t('link.instructions')}</summary>
              <p className="instructions-subject">{t('link.subject', { subject: instructions.subject })}</p>
              <pre>{instructions.body}</pre>
            </details>
          )}
        </>
      )}
    </section>
  );
}
