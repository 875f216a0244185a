// The "Verify Authorization" pop-up: asks for the customer's default domain (pre-filled with the
// initial onmicrosoft.com domain, the likely ones offered as choices, and where the customer's admin finds it)
// and reports each check of the answer from Partner Center.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { Customer } from '../../../shared/domain/customer';
import { domainNameSchema, onMicrosoftDomain } from '../../../shared/domain/validation';
import { candidateDefaultDomains } from '../../../shared/domain/candidate-domains';
import { summarizeVerification, type VerificationResult } from '../../../shared/domain/verification';
import { Dialog } from '../../components/dialog';
import { Field, fieldAria } from '../../components/field';
import { VerificationChecks } from './verification-checks';
import { queuedMessage } from '../../../shared/domain/waiting-action';
import { call, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';

const verifySchema = z.object({ defaultDomain: domainNameSchema });
type VerifyValues = z.input<typeof verifySchema>;

interface VerifyDialogProps {
  customer: Customer;
  open: boolean;
  onClose: () => void;
}

export function VerifyDialog({ customer, open, onClose }: VerifyDialogProps) {
  return (
    <Dialog title="Verify authorization" open={open} onClose={onClose}>
      {open && <VerifyForm customer={customer} onClose={onClose} />}
    </Dialog>
  );
}

function VerifyForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const showDetail = useAppStore((state) => state.showDetail);
  const [result, setResult] = useState<VerificationResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const form = useForm<VerifyValues, unknown, z.output<typeof verifySchema>>({
    defaultValues: { defaultDomain: customer.defaultDomain ?? onMicrosoftDomain(customer.domainPrefix) },
    resolver: zodResolver(verifySchema),
  });
  const error = form.formState.errors.defaultDomain?.message;
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
      <Field
        id="defaultDomain"
        label="Customer’s default domain"
        error={error}
        hint="Partner Center finds the customer only by its default domain. If the customer made a custom domain (such as contoso.com) its default, enter that one: its admin sees it in the Microsoft 365 admin center › Settings › Domains (marked Default)."
      >
        <input {...form.register('defaultDomain')} {...fieldAria('defaultDomain', error)} autoFocus />
      </Field>
      {candidates.length > 1 && (
        <div className="domain-candidates" role="group" aria-label="Likely default domains">
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
          {queuedMessage} The result will appear in the customer’s history.
        </p>
      )}
      {result && (
        <div className={`verify-result verify-${result.outcome}`} role="status">
          <p>{summarizeVerification(result)}</p>
          <VerificationChecks result={result} />
        </div>
      )}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {result?.outcome === 'authorized' ? 'Done' : 'Close'}
        </button>
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Checking with Partner Center…' : result ? 'Verify again' : 'Verify'}
        </button>
      </div>
    </form>
  );
}
