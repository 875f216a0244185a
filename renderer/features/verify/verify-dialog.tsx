// The "Verify Authorization" pop-up: asks for the customer's default domain (pre-filled with the
// initial onmicrosoft.com domain, the likely ones offered as choices, and where the customer's admin finds it)
// and reports each check of the answer from Partner Center.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { Customer } from '../../../shared/domain/customer';
import { domainNameSchema, onMicrosoftDomain } from '../../../shared/domain/validation';
import { candidateDefaultDomains } from '../../../shared/domain/candidate-domains';
import type { VerificationResult } from '../../../shared/domain/verification';
import { Dialog } from '../../components/dialog';
import { Field, fieldAria } from '../../components/field';
import { VerificationChecks } from './verification-checks';
import { checkLabel } from './check-text';
import { i18n } from '../../i18n/i18n';
import { call, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { translateMessage } from '../../i18n/translate-message';

const verifySchema = z.object({ defaultDomain: domainNameSchema });
type VerifyValues = z.input<typeof verifySchema>;

interface VerifyDialogProps {
  customer: Customer;
  open: boolean;
  onClose: () => void;
}

// The answer in words, in the language of the screens (as shared/domain/verification.ts words it in English);
function verificationSummary(result: VerificationResult, t: TFunction<'verify'>): string {
  const domain = result.defaultDomain;
  if (result.outcome === 'authorized') return t('summary.authorized', { domain });
  if (result.outcome === 'not-authorized' && result.domainIsTenant === false) return t('summary.notTenant', { domain });
  if (result.outcome === 'not-authorized') return t('summary.notAccepted', { domain });
  const missing = result.checks
    .filter((check) => check.state === 'failed' || check.state === 'unknown')
    .map((check) => checkLabel(check).toLocaleLowerCase(i18n.language))
    .join('; ');
  return result.outcome === 'unknown' ? t('summary.unchecked', { missing }) : t('summary.incomplete', { missing });
}

export function VerifyDialog({ customer, open, onClose }: VerifyDialogProps) {
  const { t } = useTranslation('verify');
  return (
    <Dialog title={t('dialog.title')} open={open} onClose={onClose}>
      {open && <VerifyForm customer={customer} onClose={onClose} />}
    </Dialog>
  );
}

function VerifyForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation('verify');
  const showDetail = useAppStore((state) => state.showDetail);
  const [result, setResult] = useState<VerificationResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const form = useForm<VerifyValues, unknown, z.output<typeof verifySchema>>({
    defaultValues: { defaultDomain: customer.defaultDomain ?? onMicrosoftDomain(customer.domainPrefix) },
    resolver: zodResolver(verifySchema),
  });
  const error = translateMessage(form.formState.errors.defaultDomain?.message);
  const candidates = candidateDefaultDomains(customer);

  const submit = async ({ defaultDomain }: { defaultDomain: string }) => {
    setFailure(null);
    try {
      // Queued instead of failing when Partner Center cannot be reached.
      const answer = await call('requestVerification', { customerId: customer.id, defaultDomain });
      setResult(answer.result);
      setQueued(answer.queued !== null);
      showDetail(answer.detail);
    } catch (reason) {
      setResult(null);
      setQueued(false);
      setFailure(errorMessage(reason));
    }
  };

  return (
    <form noValidate onSubmit={form.handleSubmit(submit)}>
      <Field id="defaultDomain" label={t('dialog.domain')} error={error} hint={t('dialog.domainHint')}>
        <input {...form.register('defaultDomain')} {...fieldAria('defaultDomain', error)} autoFocus />
      </Field>
      {candidates.length > 1 && (
        <div className="domain-candidates" role="group" aria-label={t('dialog.candidates')}>
          {candidates.map((domain) => (
            <button
              key={domain}
              type="button"
              className="chip"
              onClick={() => form.setValue('defaultDomain', domain, { shouldValidate: true })}
            >
              {domain}
            </button>
          ))}
        </div>
      )}
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {queued && (
        <p className="verify-queued" role="status">
          {t('dialog.queued')} {t('dialog.queuedResult')}
        </p>
      )}
      {result && (
        <div className={`verify-result verify-${result.outcome}`} role="status">
          <p>{verificationSummary(result, t)}</p>
          <VerificationChecks result={result} />
        </div>
      )}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {result?.outcome === 'authorized' ? t('dialog.done') : t('dialog.close')}
        </button>
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('dialog.checking') : result ? t('dialog.verifyAgain') : t('dialog.verify')}
        </button>
      </div>
    </form>
  );
}
