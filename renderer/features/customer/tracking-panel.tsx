// Owner, next follow-up date and notes for the open customer: a react-hook-form validated with the shared
// tracking schema (main checks the same one). Read-only once the customer is checked out or archived.
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { Customer } from '../../../shared/domain/customer';
import { isReadOnly } from '../../../shared/domain/customer-status';
import { followUpDateSchema, ownerSchema, type CustomerTracking } from '../../../shared/domain/customer-tracking';
import { Field, fieldAria } from '../../components/field';
import { todayIsoDate } from '../../components/format-time';
import { errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { OwnerOptions } from '../queue/bulk-bar';

// The date input gives '' for "no date": the form maps it to null before the shared schema's rules apply.
const trackingFormSchema = z.object({
  owner: ownerSchema,
  nextFollowUp: z.union([z.literal(''), followUpDateSchema]),
  notes: z.string().max(10_000, 'Notes have at most 10,000 characters.'),
});
type TrackingFormValues = z.input<typeof trackingFormSchema>;

export function TrackingPanel({ customer, tracking }: { customer: Customer; tracking: CustomerTracking }) {
  const readOnly = isReadOnly(customer.status);
  const overdue = !readOnly && tracking.nextFollowUp !== null && tracking.nextFollowUp <= todayIsoDate();
  return (
    <section className="panel" aria-labelledby="tracking-title">
      <h2 id="tracking-title">Follow-up and notes</h2>
      {overdue && (
        <p className="warning" role="status">
          Follow-up overdue since {tracking.nextFollowUp}.
        </p>
      )}
      {/* Keyed by the saved values: a save or another customer starts the form afresh. */}
      <TrackingForm key={`${customer.id}:${JSON.stringify(tracking)}`} tracking={tracking} readOnly={readOnly} />
    </section>
  );
}

function TrackingForm({ tracking, readOnly }: { tracking: CustomerTracking; readOnly: boolean }) {
  const saveTracking = useAppStore((state) => state.saveTracking);
  const notify = useAppStore((state) => state.notify);
  const form = useForm<TrackingFormValues, unknown, z.output<typeof trackingFormSchema>>({
    defaultValues: { ...tracking, nextFollowUp: tracking.nextFollowUp ?? '' },
    resolver: zodResolver(trackingFormSchema),
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  const submit = async (values: z.output<typeof trackingFormSchema>) => {
    try {
      await saveTracking({ ...values, nextFollowUp: values.nextFollowUp === '' ? null : values.nextFollowUp });
      notify('success', 'Follow-up and notes saved.');
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };
  return (
    <form className="tracking-form" noValidate onSubmit={form.handleSubmit(submit)}>
      <fieldset disabled={readOnly}>
        <legend className="visually-hidden">Follow-up and notes</legend>
        <div className="field-row">
          <Field id="trackingOwner" label="Owner" error={errors.owner?.message}>
            <input
              {...form.register('owner')}
              {...fieldAria('trackingOwner', errors.owner?.message)}
              list="owner-options"
            />
          </Field>
          <Field id="trackingFollowUp" label="Next follow-up" error={errors.nextFollowUp?.message}>
            <input
              type="date"
              {...form.register('nextFollowUp')}
              {...fieldAria('trackingFollowUp', errors.nextFollowUp?.message)}
            />
          </Field>
        </div>
        <OwnerOptions />
        <Field id="trackingNotes" label="Notes" error={errors.notes?.message}>
          <textarea {...form.register('notes')} {...fieldAria('trackingNotes', errors.notes?.message)} />
        </Field>
        {!readOnly && (
          <div className="button-row">
            <button type="submit" className={isDirty ? 'primary' : undefined} disabled={!isDirty || isSubmitting}>
              {isSubmitting ? 'Saving…' : 'Save follow-up and notes'}
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}
