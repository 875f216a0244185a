// Owner, next follow-up date and notes for the open customer: a react-hook-form validated with the shared
// tracking schema (main checks the same one). Read-only once the customer is checked out or archived.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
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

const notesMaxLength = 10_000;

// The date input gives '' for "no date": the form maps it to null before the shared schema's rules apply.
// Built with the message in the language of the screens.
const trackingFormSchema = (notesTooLong: string) =>
  z.object({
    owner: ownerSchema,
    nextFollowUp: z.union([z.literal(''), followUpDateSchema]),
    notes: z.string().max(notesMaxLength, notesTooLong),
  });
type TrackingFormSchema = ReturnType<typeof trackingFormSchema>;
type TrackingFormValues = z.input<TrackingFormSchema>;

export function TrackingPanel({ customer, tracking }: { customer: Customer; tracking: CustomerTracking }) {
  const { t } = useTranslation('customer');
  const readOnly = isReadOnly(customer.status);
  const overdue = !readOnly && tracking.nextFollowUp !== null && tracking.nextFollowUp <= todayIsoDate();
  return (
    <section className="panel" aria-labelledby="tracking-title">
      <h2 id="tracking-title">{t('tracking.title')}</h2>
      {overdue && (
        <p className="warning" role="status">
          {t('tracking.overdue', { date: tracking.nextFollowUp })}
        </p>
      )}
      {/* Keyed by the saved values: a save or another customer starts the form afresh. */}
      <TrackingForm key={`${customer.id}:${JSON.stringify(tracking)}`} tracking={tracking} readOnly={readOnly} />
    </section>
  );
}

function TrackingForm({ tracking, readOnly }: { tracking: CustomerTracking; readOnly: boolean }) {
  const { t } = useTranslation('customer');
  const saveTracking = useAppStore((state) => state.saveTracking);
  // t changes with the language: the message follows it.
  const schema = useMemo(() => trackingFormSchema(t('tracking.notesTooLong', { max: notesMaxLength })), [t]);
  const notify = useAppStore((state) => state.notify);
  const form = useForm<TrackingFormValues, unknown, z.output<TrackingFormSchema>>({
    defaultValues: { ...tracking, nextFollowUp: tracking.nextFollowUp ?? '' },
    resolver: zodResolver(schema),
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  const submit = async (values: z.output<TrackingFormSchema>) => {
    try {
      await saveTracking({ ...values, nextFollowUp: values.nextFollowUp === '' ? null : values.nextFollowUp });
      notify('success', t('tracking.saved'));
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };
  return (
    <form className="tracking-form" noValidate onSubmit={form.handleSubmit(submit)}>
      <fieldset disabled={readOnly}>
        <legend className="visually-hidden">{t('tracking.title')}</legend>
        <div className="field-row">
          <Field id="trackingOwner" label={t('tracking.owner')} error={errors.owner?.message}>
            <input
              {...form.register('owner')}
              {...fieldAria('trackingOwner', errors.owner?.message)}
              list="owner-options"
            />
          </Field>
          <Field id="trackingFollowUp" label={t('tracking.nextFollowUp')} error={errors.nextFollowUp?.message}>
            <input
              type="date"
              {...form.register('nextFollowUp')}
              {...fieldAria('trackingFollowUp', errors.nextFollowUp?.message)}
            />
          </Field>
        </div>
        <OwnerOptions />
        <Field id="trackingNotes" label={t('tracking.notes')} error={errors.notes?.message}>
          <textarea {...form.register('notes')} {...fieldAria('trackingNotes', errors.notes?.message)} />
        </Field>
        {!readOnly && (
          <div className="button-row">
            <button type="submit" className={isDirty ? 'primary' : undefined} disabled={!isDirty || isSubmitting}>
              {isSubmitting ? t('tracking.saving') : t('tracking.save')}
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}
