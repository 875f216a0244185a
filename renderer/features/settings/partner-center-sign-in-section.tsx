// Settings › Connect to Partner Center: the app registration (application (client) ID, partner tenant ID),
// "Sign in" (the system browser opens Microsoft's sign-in page), the signed-in account and "Sign out".
// Signed in, AuthDesk works with the real Partner Center; signed out, with the built-in sandbox.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  signInSettingsSchema,
  type SignInSettings,
  type SignInStatus,
} from '../../../shared/domain/partner-center-sign-in';
import { call, errorMessage } from '../../api/authdesk-client';
import { Field, fieldAria } from '../../components/field';
import { useAppStore } from '../../store/app-store';
import '../../styles/partner-center.css';

export function PartnerCenterSignInSection({ partnerTenantId }: { partnerTenantId: string }) {
  const [status, setStatus] = useState<SignInStatus | null>(null);
  const [busy, setBusy] = useState<'sign-in' | 'sign-out' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadSettings = useAppStore((state) => state.loadSettings);
  const notify = useAppStore((state) => state.notify);

  useEffect(() => {
    let cancelled = false;
    call('getSignInStatus', {})
      .then((loaded) => !cancelled && setStatus(loaded))
      .catch((caught: unknown) => !cancelled && setError(errorMessage(caught)));
    return () => {
      cancelled = true;
    };
  }, []);

  const form = useForm<SignInSettings>({
    values: status?.settings ?? { clientId: '', tenantId: partnerTenantId },
    resolver: zodResolver(signInSettingsSchema),
  });
  const errors = form.formState.errors;

  // The mode (sandbox or production) follows the sign-in: reload it with the rest of the settings.
  const act = async (kind: 'sign-in' | 'sign-out', run: () => Promise<SignInStatus>) => {
    setBusy(kind);
    setError(null);
    try {
      setStatus(await run());
      await loadSettings();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };

  const saveAndSignIn = form.handleSubmit(async (settings) => {
    await act('sign-in', async () => {
      await call('saveSignInSettings', settings);
      return call('signIn', {});
    });
  });

  const account = status?.account ?? null;
  return (
    <section className="panel" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Connect to Partner Center</h2>
      {account ? (
        <>
          <p className="sign-in-status">
            Signed in as <strong>{account.name ?? account.username}</strong> ({account.username}), tenant{' '}
            {account.tenantId}. AuthDesk works with Microsoft Partner Center.
          </p>
          {status?.warning && (
            <p className="warning" role="alert">
              {status.warning}
            </p>
          )}
          <div className="form-actions">
            {status?.warning && (
              <button
                type="button"
                className="primary"
                disabled={busy !== null}
                onClick={() => void act('sign-in', () => call('signIn', {}))}
              >
                {busy === 'sign-in' ? 'Waiting for the browser…' : 'Sign in again'}
              </button>
            )}
            <button
              type="button"
              disabled={busy !== null}
              onClick={() =>
                void act('sign-out', async () => {
                  const signedOut = await call('signOut', {});
                  notify('success', 'Signed out of Partner Center: AuthDesk is back in sandbox mode.');
                  return signedOut;
                })
              }
            >
              {busy === 'sign-out' ? 'Signing out…' : 'Sign out'}
            </button>
          </div>
        </>
      ) : (
        <form className="sign-in-form" noValidate onSubmit={(event) => void saveAndSignIn(event)}>
          <p className="field-hint">
            Sign in with your Partner Center account (App+User, with multi-factor authentication) to work with real
            customers. Until then AuthDesk uses its built-in sandbox. Your browser opens Microsoft’s sign-in page.
          </p>
          {status?.warning && (
            <p className="warning" role="alert">
              {status.warning}
            </p>
          )}
          <Field
            id="signInClientId"
            label="Application (client) ID"
            error={errors.clientId?.message}
            hint="From your app registration in Microsoft Entra ID (a public client with the redirect URI http://localhost)."
          >
            <input {...form.register('clientId')} {...fieldAria('signInClientId', errors.clientId?.message)} />
          </Field>
          <Field id="signInTenantId" label="Directory (tenant) ID" error={errors.tenantId?.message}>
            <input {...form.register('tenantId')} {...fieldAria('signInTenantId', errors.tenantId?.message)} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy !== null}>
              {busy === 'sign-in' ? 'Waiting for the browser…' : 'Sign in'}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
