// Needs attention is not a dead end: the panel says what the last verification found missing and makes the
// next step its main button. Only delegated admin missing: request GDAP (Microsoft's current route to admin
// rights; the classic delegated admin in the link still counts). Anything else: email the customer what is
// still missing (the "partial acceptance" template), then verify again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/domain/customer';
import { call, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { ComposeDialog } from '../email/compose-dialog';
import { checkLabel, checkMessage } from '../verify/check-text';

function goToGdapRequest(): void {
  const panel = document.querySelector<HTMLElement>('.gdap-panel');
  panel?.scrollIntoView({ block: 'center' });
  panel?.querySelector<HTMLElement>('select, button.primary')?.focus();
}

export function NextStepPanel({ customer }: { customer: Customer }) {
  const { t } = useTranslation('customer');
  const notify = useAppStore((state) => state.notify);
  const [composing, setComposing] = useState(false);
  const [smtpConfigured, setSmtpConfigured] = useState(false);
  if (customer.status !== 'needs-attention') return null;
  const missing = (customer.lastVerification?.checks ?? []).filter((check) => check.state === 'failed');
  const onlyDelegatedAdmin = missing.length > 0 && missing.every((check) => check.id === 'delegated-admin');

  const compose = () =>
    call('getEmailSettings', {}).then(
      (settings) => {
        setSmtpConfigured(settings.settings.smtp !== null);
        setComposing(true);
      },
      (error: unknown) => notify('error', errorMessage(error)),
    );

  return (
    <section className="panel next-step-panel" aria-labelledby="next-step-title">
      <h2 id="next-step-title">{t('nextStep.title')}</h2>
      {missing.length > 0 ? (
        <ul>
          {missing.map((check) => (
            <li key={check.id}>
              <strong>{checkLabel(check)}</strong>: {checkMessage(check)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('nextStep.unknown')}</p>
      )}
      {onlyDelegatedAdmin ? (
        <>
          <p className="field-hint">{t('nextStep.onlyAdminHint')}</p>
          <button type="button" className="primary" onClick={goToGdapRequest}>
            {t('nextStep.requestGdap')}
          </button>
        </>
      ) : (
        <>
          <p className="field-hint">{t('nextStep.emailHint')}</p>
          <button type="button" className="primary" onClick={() => void compose()}>
            {t('nextStep.emailMissing')}
          </button>
        </>
      )}
      <ComposeDialog
        customer={customer}
        open={composing}
        onClose={() => setComposing(false)}
        smtpConfigured={smtpConfigured}
      />
    </section>
  );
}
