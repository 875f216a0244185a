// The bar above the queue when customers are ticked: how many, "select all matching", and the bulk actions.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { followUpDateSchema, ownerSchema } from '../../../shared/domain/customer-tracking';
import { useAppStore } from '../../store/app-store';
import { Dialog } from '../../components/dialog';
import { Field, fieldAria } from '../../components/field';
import { errorMessage } from '../../api/authdesk-client';
import { bulkArchive, bulkChangeTracking, bulkCopyLinks, bulkVerify } from './bulk-actions';

type Pending = 'owner' | 'follow-up' | 'archive' | null;

export function BulkBar() {
  const count = useAppStore((state) => state.checkedIds.size);
  const total = useAppStore((state) => state.total);
  const running = useAppStore((state) => state.operation?.running ?? false);
  const selectAllMatching = useAppStore((state) => state.selectAllMatching);
  const clearSelection = useAppStore((state) => state.clearSelection);
  const notify = useAppStore((state) => state.notify);
  const [pending, setPending] = useState<Pending>(null);
  const close = () => setPending(null);

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Bulk actions">
      <span className="bulk-count" aria-live="polite">
        {count === 0 ? 'No customers ticked' : `${count.toLocaleString()} selected`}
      </span>
      {count < total && (
        <button
          type="button"
          className="link-button"
          onClick={() => selectAllMatching().catch((error: unknown) => notify('error', errorMessage(error)))}
        >
          Select all {total.toLocaleString()} matching
        </button>
      )}
      {count > 0 && (
        <>
          <button type="button" className="link-button" onClick={clearSelection}>
            Clear selection
          </button>
          <span className="header-spacer" />
          <button type="button" disabled={running} onClick={() => void bulkVerify()}>
            Verify selected
          </button>
          <button type="button" disabled={running} onClick={() => void bulkCopyLinks()}>
            Copy links
          </button>
          <button type="button" disabled={running} onClick={() => setPending('owner')}>
            Change owner
          </button>
          <button type="button" disabled={running} onClick={() => setPending('follow-up')}>
            Set follow-up
          </button>
          <button type="button" disabled={running} onClick={() => setPending('archive')}>
            Archive
          </button>
        </>
      )}
      <Dialog title="Change owner" open={pending === 'owner'} onClose={close}>
        {pending === 'owner' && <OwnerForm count={count} onDone={close} />}
      </Dialog>
      <Dialog title="Set follow-up date" open={pending === 'follow-up'} onClose={close}>
        {pending === 'follow-up' && <FollowUpForm count={count} onDone={close} />}
      </Dialog>
      <Dialog title="Archive customers" open={pending === 'archive'} onClose={close}>
        <p>
          Archive {count.toLocaleString()} customer{count === 1 ? '' : 's'}? Archived customers leave the open queue and
          their records no longer change. Checked-out customers are left as they are.
        </p>
        <div className="form-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="primary danger"
            onClick={() => {
              close();
              void bulkArchive();
            }}
          >
            Archive {count.toLocaleString()}
          </button>
        </div>
      </Dialog>
    </div>
  );
}

const ownerFormSchema = z.object({ owner: ownerSchema });

function OwnerForm({ count, onDone }: { count: number; onDone: () => void }) {
  const form = useForm<z.input<typeof ownerFormSchema>, unknown, z.output<typeof ownerFormSchema>>({
    defaultValues: { owner: '' },
    resolver: zodResolver(ownerFormSchema),
  });
  const error = form.formState.errors.owner?.message;
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(({ owner }) => {
        onDone();
        void bulkChangeTracking({ owner }, 'Change owner');
      })}
    >
      <Field id="bulkOwner" label="New owner" error={error} hint={`For ${count.toLocaleString()} selected customers.`}>
        <input {...form.register('owner')} {...fieldAria('bulkOwner', error)} list="owner-options" autoFocus />
      </Field>
      <OwnerOptions />
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Change owner
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
  const form = useForm<z.input<typeof followUpFormSchema>, unknown, z.output<typeof followUpFormSchema>>({
    defaultValues: { date: '' },
    resolver: zodResolver(followUpFormSchema),
  });
  const error = form.formState.errors.date?.message;
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(({ date }) => {
        onDone();
        void bulkChangeTracking({ nextFollowUp: date === '' ? null : date }, 'Set follow-up');
      })}
    >
      <Field
        id="bulkFollowUp"
        label="Follow-up date"
        error={error}
        hint={`For ${count.toLocaleString()} selected customers. Leave empty to clear it.`}
      >
        <input type="date" {...form.register('date')} {...fieldAria('bulkFollowUp', error)} autoFocus />
      </Field>
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Set follow-up
        </button>
      </div>
    </form>
  );
}
