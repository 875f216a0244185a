// Saved views: pick one to apply its filters and sort; save the current query under a name, for yourself or (in
// a team) for the whole team; delete your own and the team's. The team's arrive while the queue is open.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { savedViewNameSchema } from '../../../shared/domain/queue-query';
import { useAppStore } from '../../store/app-store';
import { Dialog } from '../../components/dialog';
import { Field, fieldAria } from '../../components/field';
import { errorMessage, subscribe } from '../../api/authdesk-client';
import { useTeamStore } from '../team/team-store';
import { translateMessage } from '../../i18n/translate-message';

const saveViewSchema = z.object({ name: savedViewNameSchema, shared: z.boolean() });

export function SavedViews() {
  const { t } = useTranslation('queue');
  const views = useAppStore((state) => state.savedViews);
  const activeViewId = useAppStore((state) => state.activeViewId);
  const applyView = useAppStore((state) => state.applyView);
  const deleteView = useAppStore((state) => state.deleteView);
  const notify = useAppStore((state) => state.notify);
  const [saving, setSaving] = useState(false);
  const active = views.find((view) => view.id === activeViewId);
  useEffect(() => subscribe('savedViewsChanged', () => void useAppStore.getState().loadSavedViews()), []);
  return (
    <div className="saved-views">
      <select
        aria-label={t('savedViews.label')}
        value={activeViewId === null ? '' : String(activeViewId)}
        onChange={(event) => {
          const view = views.find((candidate) => String(candidate.id) === event.target.value);
          if (view) applyView(view);
        }}
      >
        <option value="">{t('savedViews.placeholder')}</option>
        {views.map((view) => (
          <option key={view.id} value={view.id}>
            {view.shared
              ? t('savedViews.teamView', { name: view.name, member: view.createdBy ?? t('savedViews.aMember') })
              : view.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => setSaving(true)}>
        {t('savedViews.save')}
      </button>
      {active && !active.builtIn && (
        <button
          type="button"
          onClick={() =>
            deleteView(active.id).then(
              () => notify('success', t('savedViews.deleted', { name: active.name })),
              (error: unknown) => notify('error', errorMessage(error)),
            )
          }
        >
          {t('savedViews.delete')}
        </button>
      )}
      <Dialog title={t('savedViews.dialogTitle')} open={saving} onClose={() => setSaving(false)}>
        {saving && <SaveViewForm onDone={() => setSaving(false)} />}
      </Dialog>
    </div>
  );
}

function SaveViewForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('queue');
  const saveCurrentView = useAppStore((state) => state.saveCurrentView);
  const notify = useAppStore((state) => state.notify);
  const teamName = useTeamStore((state) => (state.status?.configured ? (state.status.team?.name ?? null) : null));
  const form = useForm<z.input<typeof saveViewSchema>, unknown, z.output<typeof saveViewSchema>>({
    defaultValues: { name: '', shared: false },
    resolver: zodResolver(saveViewSchema),
  });
  // The name's rules are shared with main (in English); their messages are shown in the screen's language.
  const nameError = form.formState.errors.name;
  const error =
    nameError?.type === 'too_small'
      ? t('savedViews.nameRequired')
      : nameError?.type === 'too_big'
        ? t('savedViews.nameTooLong')
        : translateMessage(nameError?.message);
  const submit = async ({ name, shared }: { name: string; shared: boolean }) => {
    try {
      const view = await saveCurrentView(name, shared);
      notify(
        'success',
        view.shared ? t('savedViews.savedForTeam', { name: view.name }) : t('savedViews.saved', { name: view.name }),
      );
      onDone();
    } catch (reason) {
      form.setError('name', { type: 'server', message: errorMessage(reason) });
    }
  };
  return (
    <form noValidate onSubmit={form.handleSubmit(submit)}>
      <Field id="viewName" label={t('savedViews.name')} error={error} hint={t('savedViews.nameHint')}>
        <input {...form.register('name')} {...fieldAria('viewName', error)} autoFocus />
      </Field>
      {teamName !== null && (
        <label className="checkbox">
          <input type="checkbox" {...form.register('shared')} />
          {t('savedViews.share', { team: teamName })}
        </label>
      )}
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          {t('savedViews.cancel')}
        </button>
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {t('savedViews.submit')}
        </button>
      </div>
    </form>
  );
}
