// Settings › Team: create a team in an empty PostgreSQL database or join one (host, port, database, user,
// password, TLS), then the team, its members, the sync state, how the desktops share Partner Center, "Sync now"
// and "Leave team". The password goes to main's keychain; this window never sees it again.
import { useEffect, useState } from 'react';
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
import { useAppStore } from '../../store/app-store';
import { useTeamStore } from './team-store';
import { TeamCoordinationPanel } from './team-coordination-panel';
import './team.css';

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
        message: name.error.issues[0]?.message ?? 'Name the team.',
      });
    }
  });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

export function TeamSettingsSection() {
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
      <h2 id="team-title">Team</h2>
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
      notify('success', `You are in team ${status.team?.name ?? ''}: your customers and history are shared with it.`);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  });
  return (
    <form className="team-form" noValidate onSubmit={(event) => void submit(event)}>
      <p className="field-hint">
        A team shares one queue, one history and one funnel through a PostgreSQL database your company runs. Every
        desktop keeps working offline on its own copy; changes travel when the database is reachable.
      </p>
      <fieldset className="team-mode">
        <legend className="visually-hidden">Create or join</legend>
        <label className="checkbox">
          <input type="radio" value="join" {...form.register('mode')} />
          Join a team
        </label>
        <label className="checkbox">
          <input type="radio" value="create" {...form.register('mode')} />
          Create a team (in an empty database)
        </label>
      </fieldset>
      {mode === 'create' && (
        <Field id="teamName" label="Team name" error={errors.teamName?.message}>
          <input {...form.register('teamName')} {...fieldAria('teamName', errors.teamName?.message)} />
        </Field>
      )}
      <div className="field-row">
        <Field id="teamHost" label="PostgreSQL host" error={errors.connection?.host?.message}>
          <input
            {...form.register('connection.host')}
            {...fieldAria('teamHost', errors.connection?.host?.message)}
            placeholder="authdesk.postgres.database.azure.com"
          />
        </Field>
        <Field id="teamPort" label="Port" error={errors.connection?.port?.message}>
          <input
            inputMode="numeric"
            {...form.register('connection.port')}
            {...fieldAria('teamPort', errors.connection?.port?.message)}
          />
        </Field>
      </div>
      <div className="field-row">
        <Field id="teamDatabase" label="Database" error={errors.connection?.database?.message}>
          <input
            {...form.register('connection.database')}
            {...fieldAria('teamDatabase', errors.connection?.database?.message)}
          />
        </Field>
        <Field id="teamUser" label="User" error={errors.connection?.user?.message}>
          <input {...form.register('connection.user')} {...fieldAria('teamUser', errors.connection?.user?.message)} />
        </Field>
      </div>
      <Field id="teamPassword" label="Password" error={errors.password?.message} hint="Kept in the OS keychain.">
        <input
          type="password"
          autoComplete="off"
          {...form.register('password')}
          {...fieldAria('teamPassword', errors.password?.message)}
        />
      </Field>
      <Field
        id="teamTls"
        label="Connection security"
        error={errors.connection?.tls?.message}
        hint="TLS with the server certificate verified. Plaintext is allowed only for a server on this computer."
      >
        <select {...form.register('connection.tls')} {...fieldAria('teamTls', errors.connection?.tls?.message)}>
          <option value="verify">TLS, certificate verified</option>
          <option value="off">No TLS (this computer only)</option>
        </select>
      </Field>
      <Field id="teamDisplayName" label="Your name in the team" error={errors.displayName?.message}>
        <input {...form.register('displayName')} {...fieldAria('teamDisplayName', errors.displayName?.message)} />
      </Field>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Connecting…' : mode === 'create' ? 'Create team' : 'Join team'}
        </button>
      </div>
    </form>
  );
}

function TeamDetails({ status }: { status: TeamStatus }) {
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
      notify('success', 'You left the team. Your customers and history stay on this desktop.');
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
        <dt>Team</dt>
        <dd>{status.team?.name}</dd>
        <dt>You</dt>
        <dd>{status.displayName}</dd>
        <dt>Database</dt>
        <dd>
          {connection ? `${connection.database} on ${connection.host}:${connection.port} as ${connection.user}` : ''}
          {connection?.tls === 'verify' ? ' (TLS)' : ' (no TLS, this computer)'}
        </dd>
        <dt>Sync</dt>
        <dd>
          {sync.state === 'synced'
            ? 'Up to date'
            : sync.state === 'waiting'
              ? `${sync.waiting.toLocaleString()} change${sync.waiting === 1 ? '' : 's'} waiting to upload`
              : (sync.message ?? 'Not reachable')}
          {sync.lastSyncedAt ? ` · last synced ${formatDateTime(sync.lastSyncedAt)}` : ''}
        </dd>
      </dl>
      <h3>Members</h3>
      {status.members.length === 0 ? (
        <p className="field-hint">The members show once the team database is reachable.</p>
      ) : (
        <ul className="team-members">
          {status.members.map((member) => (
            <li key={member.deviceId}>
              {member.displayName} ({member.osUser}){member.deviceId === status.deviceId ? ' · this desktop' : ''} ·
              last seen {formatDateTime(member.lastSeenAt)}
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
          {busy === 'sync' ? 'Syncing…' : 'Sync now'}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void leave(confirmLeave !== null)}>
          {confirmLeave ? 'Leave anyway' : 'Leave team'}
        </button>
      </div>
    </>
  );
}
