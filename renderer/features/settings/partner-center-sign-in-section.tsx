// Settings › Connect to Partner Center: a guided setup in numbered steps (register the app in Microsoft Entra,
// add the permissions AuthDesk requests, copy its two IDs, sign in, test), the app registration's fields
// (application (client) ID, directory (tenant) ID), "Sign in" (the system browser opens Microsoft's sign-in
// page), the signed-in account and "Sign out", and "Test connection". Signed in, AuthDesk works with the real
// Partner Center; signed out, with the built-in sandbox.
import { useEffect, useState, type ReactNode } from 'react';
import { useForm, useWatch, type FieldError } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Trans, useTranslation } from 'react-i18next';
import {
  signInSettingsSchema,
  type SignInSettings,
  type SignInStatus,
} from '../../../shared/domain/partner-center-sign-in';
import { requiredPermissions, signInRedirectUri } from '../../../shared/domain/partner-center-permissions';
import { call, errorMessage } from '../../api/authdesk-client';
import { Field, fieldAria } from '../../components/field';
import { useAppStore } from '../../store/app-store';
import { ConnectionTestPanel } from './connection-test-panel';
import '../../styles/partner-center.css';
import '../../styles/connect.css';

const bold = { b: <strong />, code: <code /> };

export function PartnerCenterSignInSection({ partnerTenantId }: { partnerTenantId: string }) {
  const { t } = useTranslation('connect');
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
  // The schema's own words are English; the field says the same in the screen's language.
  // Watched, so the message follows the field as it is corrected (empty or malformed).
  const [clientIdValue, tenantIdValue] = useWatch({ control: form.control, name: ['clientId', 'tenantId'] });
  const fieldMessage = (fieldError: FieldError | undefined, field: 'clientId' | 'tenantId', value: string) => {
    if (!fieldError) return undefined;
    return value.trim() === '' ? t(`fields.${field}Required`) : t(`fields.${field}Invalid`);
  };
  const clientIdError = fieldMessage(errors.clientId, 'clientId', clientIdValue);
  const tenantIdError = fieldMessage(errors.tenantId, 'tenantId', tenantIdValue);

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

  const copy = async (text: string, done: string) => {
    try {
      await navigator.clipboard.writeText(text);
      notify('success', done);
    } catch (caught) {
      notify('error', errorMessage(caught));
    }
  };

  const account = status?.account ?? null;
  return (
    <section className="panel" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t('title')}</h2>
      {account ? (
        <>
          <p className="sign-in-status">
            <Trans
              t={t}
              i18nKey="signedIn.account"
              values={{
                name: account.name ?? account.username,
                username: account.username,
                tenantId: account.tenantId,
              }}
              components={bold}
            />
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
                {busy === 'sign-in' ? t('signIn.waiting') : t('signIn.again')}
              </button>
            )}
            <button
              type="button"
              disabled={busy !== null}
              onClick={() =>
                void act('sign-out', async () => {
                  const signedOut = await call('signOut', {});
                  notify('success', t('signedIn.signedOut'));
                  return signedOut;
                })
              }
            >
              {busy === 'sign-out' ? t('signedIn.signingOut') : t('signedIn.signOut')}
            </button>
          </div>
          <ConnectionTestPanel />
        </>
      ) : (
        <form className="sign-in-form" noValidate onSubmit={(event) => void saveAndSignIn(event)}>
          <p className="field-hint">{t('intro')}</p>
          {status?.warning && (
            <p className="warning" role="alert">
              {status.warning}
            </p>
          )}
          <ol className="connect-steps">
            <Step number={1} title={t('steps.register.title')}>
              <p>
                <Trans t={t} i18nKey="steps.register.body" components={bold} />
              </p>
              <div className="connect-copy-row">
                <code className="connect-value">{signInRedirectUri}</code>
                <button type="button" onClick={() => void copy(signInRedirectUri, t('steps.register.redirectCopied'))}>
                  {t('steps.register.copyRedirect')}
                </button>
              </div>
              <p className="field-hint">
                <Trans t={t} i18nKey="steps.register.publicClient" components={bold} />
              </p>
            </Step>
            <Step number={2} title={t('steps.permissions.title')}>
              <p>
                <Trans t={t} i18nKey="steps.permissions.body" components={bold} />
              </p>
              <table className="connect-permissions">
                <thead>
                  <tr>
                    <th scope="col">{t('steps.permissions.api')}</th>
                    <th scope="col">{t('steps.permissions.permission')}</th>
                    <th scope="col">{t('steps.permissions.purpose')}</th>
                  </tr>
                </thead>
                <tbody>
                  {requiredPermissions.map((permission) => (
                    <tr key={permission.id}>
                      <td>{permission.api}</td>
                      <td>
                        <code>{permission.permission}</code>
                      </td>
                      <td>{t(`steps.permissions.for.${permission.id}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="connect-copy-row">
                <button
                  type="button"
                  onClick={() =>
                    void copy(
                      requiredPermissions.map((permission) => permission.permission).join('\n'),
                      t('steps.permissions.copied'),
                    )
                  }
                >
                  {t('steps.permissions.copy')}
                </button>
              </div>
            </Step>
            <Step number={3} title={t('steps.ids.title')}>
              <p>
                <Trans t={t} i18nKey="steps.ids.body" components={bold} />
              </p>
              <Field
                id="signInClientId"
                label={t('fields.clientId')}
                error={clientIdError}
                hint={t('fields.clientIdHint')}
              >
                <input
                  {...form.register('clientId')}
                  {...fieldAria('signInClientId', clientIdError)}
                  spellCheck={false}
                  autoComplete="off"
                />
              </Field>
              <Field
                id="signInTenantId"
                label={t('fields.tenantId')}
                error={tenantIdError}
                hint={t('fields.tenantIdHint')}
              >
                <input
                  {...form.register('tenantId')}
                  {...fieldAria('signInTenantId', tenantIdError)}
                  spellCheck={false}
                  autoComplete="off"
                />
              </Field>
            </Step>
            <Step number={4} title={t('steps.signIn.title')}>
              <p>{t('steps.signIn.body')}</p>
              <div className="form-actions">
                <button type="submit" className="primary" disabled={busy !== null}>
                  {busy === 'sign-in' ? t('signIn.waiting') : t('signIn.button')}
                </button>
              </div>
            </Step>
            <Step number={5} title={t('steps.test.title')}>
              <p>{t('steps.test.body')}</p>
              <ConnectionTestPanel />
            </Step>
          </ol>
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

function Step({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  return (
    <li className="connect-step" aria-labelledby={`connect-step-${number}`}>
      <h3 id={`connect-step-${number}`}>
        <span className="connect-step-number" aria-hidden="true">
          {number}
        </span>
        {title}
      </h3>
      {children}
    </li>
  );
}
