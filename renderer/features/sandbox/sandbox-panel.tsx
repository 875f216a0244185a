// Sandbox only: act as the customer's Global administrator and accept the invitation in the simulator,
// fully or in part, so anyone can walk the whole flow without a Microsoft account.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/domain/customer';
import { domainNameSchema } from '../../../shared/domain/validation';
import { call, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { translateMessage } from '../../i18n/translate-message';

export function SandboxPanel({ customer }: { customer: Customer }) {
  const { t } = useTranslation('sandbox');
  const showDetail = useAppStore((state) => state.showDetail);
  const notify = useAppStore((state) => state.notify);
  const [grantDelegatedAdmin, setGrantDelegatedAdmin] = useState(true);
  const [associateReseller, setAssociateReseller] = useState(true);
  const [customDomain, setCustomDomain] = useState('');
  const [domainError, setDomainError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const accept = async () => {
    const trimmed = customDomain.trim();
    const parsed = trimmed === '' ? null : domainNameSchema.safeParse(trimmed);
    if (parsed && !parsed.success) {
      setDomainError(translateMessage(parsed.error.issues[0]?.message) ?? t('domainRequired'));
      return;
    }
    setDomainError(null);
    setBusy(true);
    try {
      showDetail(
        await call('sandboxAcceptInvitation', {
          customerId: customer.id,
          grantDelegatedAdmin,
          associateReseller: customer.kind === 'indirect' && associateReseller,
          customDefaultDomain: parsed ? parsed.data : null,
        }),
      );
      notify('info', t('accepted'));
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel sandbox-panel" aria-labelledby="sandbox-title">
      <h2 id="sandbox-title">{t('title')}</h2>
      <p className="panel-note">{t('note')}</p>
      <div className="sandbox-options">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={grantDelegatedAdmin}
            onChange={(event) => setGrantDelegatedAdmin(event.target.checked)}
          />
          {t('grantDelegatedAdmin')}
        </label>
        {customer.kind === 'indirect' && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={associateReseller}
              onChange={(event) => setAssociateReseller(event.target.checked)}
            />
            {t('associateReseller')}
          </label>
        )}
        <div className={domainError ? 'field field-invalid' : 'field'}>
          <label htmlFor="sandbox-custom-domain">{t('customDomain')}</label>
          <input
            id="sandbox-custom-domain"
            placeholder={t('customDomainPlaceholder')}
            value={customDomain}
            aria-invalid={domainError ? true : undefined}
            onChange={(event) => setCustomDomain(event.target.value)}
          />
          {domainError && (
            <p className="field-error" role="alert">
              {domainError}
            </p>
          )}
        </div>
      </div>
      <button type="button" disabled={busy} onClick={() => void accept()}>
        {t('accept')}
      </button>
    </section>
  );
}
