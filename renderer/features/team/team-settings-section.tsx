// Settings › Team: create a team in an empty PostgreSQL database or join one (host, port, database, user,
// password, TLS), then the team, its members, the sync state, how the desktops share Partner Center, "Sync now"
// and "Leave team". The password goes to main's keychain; this window never sees it again.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import {
  displayNameSchema,
  teamConnectionSchema,
  teamNameSchema,
  teamPasswordSchema,
  type TeamStatus,
} from '../../../shared/domain/team';
import { call, errorMessage } from '../../api/authdesk-client';
import { Field, fieldAria } from '../../components/field';
import { formatDateTime } from '../../components/format-time';
import { i18n } from '../../i18n/i18n';
import { useAppStore } from '../../store/app-store';
import { useTeamStore } from './team-store';
import { TeamCoordinationPanel } from './team-coordination-panel';
import './team.css';
import { translateMessage } from '../../i18n/translate-message';

const formSchema = z
  .object({
    mode: z.enum(['join', 'create']),
    teamName: z.string(),
    connection: teamConnectionSchema,
    password: teamPasswordSchema,
    displayName: displayNameSchema,
  })
  .superRefine((values, context) => {
    if (values.mode !== 'create') return;
    const name = teamNameSchema.safeParse(values.teamName);
    if (!name.success) {
      context.addIssue({
        code: 'custom',
        path: ['teamName'],
        message: name.error.issues[0]?.message ?? i18n.t('team:join.nameRequired'),
      });
    }
  });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

export function TeamSettingsSection() {
  const { t } = useTranslation('team');
  const status = useTeamStore((state) => state.status);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    useTeamStore
      .getState()
      .load()
      .catch((caught: unknown) => setError(errorMessage(caught)));
  }, []);
  return (
    <section className="panel" aria-labelledby="team-title">
      <h2 id="team-title">{t('title')}</h2>
      {status?.configured ? <TeamDetails status={status} /> : <TeamJoinForm />}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function TeamJoinForm() {
  const { t } = useTranslation('team');
  const [error, setError] = useState<string | null>(null);
  const notify = useAppStore((state) => state.notify);
  const form = useForm<FormInput, unknown, FormOutput>({
    defaultValues: {
      mode: 'join',
      teamName: '',
      connection: { host: '', port: 5432, database: 'authdesk', user: '', tls: 'verify' },
      password: '',
      displayName: '',
    },
    resolver: zodResolver(formSchema),
  });
  const errors = form.formState.errors;
  const mode = useWatch({ control: form.control, name: 'mode' });
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const input = { connection: values.connection, password: values.password, displayName: values.displayName };
      const status =
        values.mode === 'create'
          ? await call('createTeam', { ...input, teamName: values.teamName.trim() })
          : await call('joinTeam', input);
      useTeamStore.getState().set(status);
      notify('success', t('join.joined', { team: status.team?.name ?? '' }));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  });
  return (
    <form className="team-form" noValidate onSubmit={(event) => void submit(event)}>
      <p className="field-hint">{t('join.intro')}</p>
      <fieldset className="team-mode">
        <legend className="visually-hidden">{t('join.modeLegend')}</legend>
        <label className="checkbox">
          <input type="radio" value="join" {...form.register('mode')} />
          {t('join.join')}
        </label>
        <label className="checkbox">
          <input type="radio" value="create" {...form.register('mode')} />
          {t('join.create')}
        </label>
      </fieldset>
      {mode === 'create' && (
        <Field id="teamName" label={t('join.teamName')} error={errors.teamName?.message}>
          <input {...form.register('teamName')} {...fieldAria('teamName', errors.teamName?.message)} />
        </Field>
      )}
      <div className="field-row">
        <Field id="teamHost" label={t('join.host')} error={errors.connection?.host?.message}>
          <input
            {...form.register('connection.host')}
            {...fieldAria('teamHost', errors.connection?.host?.message)}
            placeholder={t('join.hostPlaceholder')}
          />
        </Field>
        <Field id="teamPort" label={t('join.port')} error={errors.connection?.port?.message}>
          <input
            inputMode="numeric"
            {...form.register('connection.port')}
            {...fieldAria('teamPort', errors.connection?.port?.message)}
          />
        </Field>
      </div>
      <div className="field-row">
        <Field id="teamDatabase" label={t('join.database')} error={errors.connection?.database?.message}>
          <input
            {...form.register('connection.database')}
            {...fieldAria('teamDatabase', errors.connection?.database?.message)}
          />
        </Field>
        <Field id="teamUser" label={t('join.user')} error={errors.connection?.user?.message}>
          <input {...form.register('connection.user')} {...fieldAria('teamUser', errors.connection?.user?.message)} />
        </Field>
      </div>
      <Field
        id="teamPassword"
        label={t('join.password')}
        error={errors.password?.message}
        hint={t('join.passwordHint')}
      >
        <input
          type="password"
          autoComplete="off"
          {...form.register('password')}
          {...fieldAria('teamPassword', errors.password?.message)}
        />
      </Field>
      <Field id="teamTls" label={t('join.tls')} error={errors.connection?.tls?.message} hint={t('join.tlsHint')}>
        <select {...form.register('connection.tls')} {...fieldAria('teamTls', errors.connection?.tls?.message)}>
          <option value="verify">{t('join.tlsVerify')}</option>
          <option value="off">{t('join.tlsOff')}</option>
        </select>
      </Field>
      <Field id="teamDisplayName" label={t('join.displayName')} error={errors.displayName?.message}>
        <input {...form.register('displayName')} {...fieldAria('teamDisplayName', errors.displayName?.message)} />
      </Field>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting
            ? t('join.connecting')
            : mode === 'create'
              ? t('join.createButton')
              : t('join.joinButton')}
        </button>
      </div>
    </form>
  );
}

function TeamDetails({ status }: { status: TeamStatus }) {
  const { t } = useTranslation('team');
  const [busy, setBusy] = useState<'sync' | 'leave' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmLeave, setConfirmLeave] = useState<string | null>(null);
  const notify = useAppStore((state) => state.notify);
  const { connection, sync } = status;
  const syncNow = async () => {
    setBusy('sync');
    setError(null);
    try {
      const next = await call('syncTeamNow', {});
      useTeamStore.getState().syncChanged(next);
      await useTeamStore.getState().load();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };
  const leave = async (force: boolean) => {
    setBusy('leave');
    setError(null);
    try {
      const next = await call('leaveTeam', force ? { force } : {});
      useTeamStore.getState().set(next);
      setConfirmLeave(null);
      notify('success', t('details.left'));
    } catch (caught) {
      // Changes still waiting: ask before leaving them on this desktop only.
      setConfirmLeave(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <dl className="facts">
        <dt>{t('details.team')}</dt>
        <dd>{status.team?.name}</dd>
        <dt>{t('details.you')}</dt>
        <dd>{status.displayName}</dd>
        <dt>{t('details.database')}</dt>
        <dd>
          {connection
            ? t('details.connection', {
                database: connection.database,
                host: connection.host,
                port: connection.port,
                user: connection.user,
              })
            : ''}
          {connection?.tls === 'verify' ? ` ${t('details.tls')}` : ` ${t('details.noTls')}`}
        </dd>
        <dt>{t('details.sync')}</dt>
        <dd>
          {sync.state === 'synced'
            ? t('details.upToDate')
            : sync.state === 'waiting'
              ? t('details.waitingUpload', { count: sync.waiting })
              : (translateMessage(sync.message) ?? t('details.notReachable'))}
          {sync.lastSyncedAt ? ` · ${t('details.lastSynced', { time: formatDateTime(sync.lastSyncedAt) })}` : ''}
        </dd>
      </dl>
      <h3>{t('details.members')}</h3>
      {status.members.length === 0 ? (
        <p className="field-hint">{t('details.membersLater')}</p>
      ) : (
        <ul className="team-members">
          {status.members.map((member) => (
            <li key={member.deviceId}>
              {member.displayName} ({member.osUser})
              {member.deviceId === status.deviceId ? ` · ${t('details.thisDesktop')}` : ''}
              {` · ${t('details.lastSeen', { time: formatDateTime(member.lastSeenAt) })}`}
            </li>
          ))}
        </ul>
      )}
      <TeamCoordinationPanel />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {confirmLeave && (
        <p className="warning" role="alert">
          {confirmLeave}
        </p>
      )}
      <div className="form-actions">
        <button type="button" disabled={busy !== null} onClick={() => void syncNow()}>
          {busy === 'sync' ? t('details.syncing') : t('details.syncNow')}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void leave(confirmLeave !== null)}>
          {confirmLeave ? t('details.leaveAnyway') : t('details.leave')}
        </button>
      </div>
    </>
  );
}
