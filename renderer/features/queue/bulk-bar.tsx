// The bar above the queue when customers are ticked: how many, "select all matching", and the bulk actions.
import { useState } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { followUpDateSchema, ownerSchema } from '../../../shared/domain/customer-tracking';
import { useAppStore } from '../../store/app-store';
import { selectedCount } from '../../store/current-selection';
import { Dialog } from '../../components/dialog';
import { Field, fieldAria } from '../../components/field';
import { bulkArchive, bulkChangeTracking, bulkCopyLinks, bulkVerify } from './bulk-actions';
import { translateMessage } from '../../i18n/translate-message';

type Pending = 'owner' | 'follow-up' | 'archive' | null;

export function BulkBar() {
  const { t } = useTranslation('queue');
  const count = useAppStore(selectedCount);
  const allMatching = useAppStore((state) => state.allMatching);
  const total = useAppStore((state) => state.total);
  const running = useAppStore((state) => state.operation?.running ?? false);
  const selectAllMatching = useAppStore((state) => state.selectAllMatching);
  const clearSelection = useAppStore((state) => state.clearSelection);
  const [pending, setPending] = useState<Pending>(null);
  const close = () => setPending(null);

  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('bulk.label')}>
      <span className="bulk-count" aria-live="polite">
        {count === 0 ? t('bulk.noneTicked') : t('bulk.selected', { count })}
      </span>
      {!allMatching && count < total && (
        <button type="button" className="link-button" onClick={selectAllMatching}>
          {t('bulk.selectAllMatching', { count: total })}
        </button>
      )}
      {count > 0 && (
        <>
          <button type="button" className="link-button" onClick={clearSelection}>
            {t('bulk.clearSelection')}
          </button>
          <span className="header-spacer" />
          <button type="button" disabled={running} onClick={() => void bulkVerify()}>
            {t('bulk.verifySelected')}
          </button>
          <button type="button" disabled={running} onClick={() => void bulkCopyLinks()}>
            {t('bulk.copyLinks')}
          </button>
          <button type="button" disabled={running} onClick={() => setPending('owner')}>
            {t('bulk.changeOwner')}
          </button>
          <button type="button" disabled={running} onClick={() => setPending('follow-up')}>
            {t('bulk.setFollowUp')}
          </button>
          <button type="button" disabled={running} onClick={() => setPending('archive')}>
            {t('bulk.archive')}
          </button>
        </>
      )}
      <Dialog title={t('bulk.changeOwner')} open={pending === 'owner'} onClose={close}>
        {pending === 'owner' && <OwnerForm count={count} onDone={close} />}
      </Dialog>
      <Dialog title={t('bulk.followUpDialog')} open={pending === 'follow-up'} onClose={close}>
        {pending === 'follow-up' && <FollowUpForm count={count} onDone={close} />}
      </Dialog>
      <Dialog title={t('bulk.archiveDialog')} open={pending === 'archive'} onClose={close}>
        <p>{t('bulk.archiveConfirm', { count })}</p>
        <div className="form-actions">
          <button type="button" onClick={close}>
            {t('bulk.cancel')}
          </button>
          <button
            type="button"
            className="primary danger"
            onClick={() => {
              close();
              void bulkArchive();
            }}
          >
            {t('bulk.archiveCount', { count })}
          </button>
        </div>
      </Dialog>
    </div>
  );
}

const ownerFormSchema = z.object({ owner: ownerSchema });

// The rules below are shared with main (in English); their messages are shown in the screen's language.
function ownerErrorText(error: FieldError | undefined, t: (key: 'bulk.ownerRequired' | 'bulk.ownerTooLong') => string) {
  if (error?.type === 'too_small') return t('bulk.ownerRequired');
  if (error?.type === 'too_big') return t('bulk.ownerTooLong');
  return translateMessage(error?.message);
}

function OwnerForm({ count, onDone }: { count: number; onDone: () => void }) {
  const { t } = useTranslation('queue');
  const form = useForm<z.input<typeof ownerFormSchema>, unknown, z.output<typeof ownerFormSchema>>({
    defaultValues: { owner: '' },
    resolver: zodResolver(ownerFormSchema),
  });
  const error = ownerErrorText(form.formState.errors.owner, t);
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(({ owner }) => {
        onDone();
        void bulkChangeTracking({ owner }, t('bulk.changeOwner'));
      })}
    >
      <Field id="bulkOwner" label={t('bulk.newOwner')} error={error} hint={t('bulk.forSelected', { count })}>
        <input {...form.register('owner')} {...fieldAria('bulkOwner', error)} list="owner-options" autoFocus />
      </Field>
      <OwnerOptions />
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          {t('bulk.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('bulk.changeOwner')}
        </button>
      </div>
    </form>
  );
}

export function OwnerOptions() {
  const owners = useAppStore((state) => state.facets?.owners ?? []);
  return (
    <datalist id="owner-options">
      {owners.map((owner) => (
        <option key={owner} value={owner} />
      ))}
    </datalist>
  );
}

const followUpFormSchema = z.object({ date: z.union([z.literal(''), followUpDateSchema]) });

function FollowUpForm({ count, onDone }: { count: number; onDone: () => void }) {
  const { t } = useTranslation('queue');
  const form = useForm<z.input<typeof followUpFormSchema>, unknown, z.output<typeof followUpFormSchema>>({
    defaultValues: { date: '' },
    resolver: zodResolver(followUpFormSchema),
  });
  const dateError = form.formState.errors.date;
  const error =
    dateError?.type === 'invalid_format'
      ? t('bulk.dateFormat')
      : dateError?.type === 'custom'
        ? t('bulk.dateInvalid')
        : translateMessage(dateError?.message);
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(({ date }) => {
        onDone();
        void bulkChangeTracking({ nextFollowUp: date === '' ? null : date }, t('bulk.setFollowUp'));
      })}
    >
      <Field id="bulkFollowUp" label={t('bulk.followUpDate')} error={error} hint={t('bulk.followUpHint', { count })}>
        <input type="date" {...form.register('date')} {...fieldAria('bulkFollowUp', error)} autoFocus />
      </Field>
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          {t('bulk.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('bulk.setFollowUp')}
        </button>
      </div>
    </form>
  );
}
