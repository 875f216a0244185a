// Settings › Email: how AuthDesk sends (SMTP host, port, TLS mode, user; the password goes to the OS keychain
// and is never shown again), the default language and reminder days, the sending pace, and a test send.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNativeNames } from '../../../shared/domain/languages';
import {
  defaultEmailSettings,
  emailSettingsSchema,
  smtpSettingsProblem,
  parseReminderDays,
  smtpTlsModes,
  type EmailSettings,
  type SmtpTlsMode,
} from '../../../shared/email/email-settings';
import { emailLanguages, type EmailLanguage } from '../../../shared/email/email-template';
import { call, ClientError, errorMessage } from '../../api/authdesk-client';
import { Field, fieldAria } from '../../components/field';
import { useAppStore } from '../../store/app-store';
import '../../styles/email.css';

interface FormValues {
  host: string;
  port: string;
  tlsMode: SmtpTlsMode;
  user: string;
  password: string;
  fromAddress: string;
  fromName: string;
  defaultLanguage: EmailLanguage;
  reminderDays: string;
  messagesPerMinute: string;
}

function toForm(settings: EmailSettings): FormValues {
  return {
    host: settings.smtp?.host ?? '',
    port: String(settings.smtp?.port ?? 587),
    tlsMode: settings.smtp?.tlsMode ?? 'starttls',
    user: settings.smtp?.user ?? '',
    password: '',
    fromAddress: settings.smtp?.fromAddress ?? '',
    fromName: settings.smtp?.fromName ?? '',
    defaultLanguage: settings.defaultLanguage,
    reminderDays: settings.reminderDays.join(', '),
    messagesPerMinute: String(settings.messagesPerMinute),
  };
}

// The form's text fields to the shared schema's values, with the errors keyed by form field.
function fromForm(values: FormValues): { settings: EmailSettings } | { errors: Record<string, string> } {
  const days = parseReminderDays(values.reminderDays);
  const smtpBlank = values.host.trim() === '' && values.fromAddress.trim() === '';
  const candidate = {
    smtp: smtpBlank
      ? null
      : {
          host: values.host,
          port: Number(values.port),
          tlsMode: values.tlsMode,
          user: values.user,
          fromAddress: values.fromAddress,
          fromName: values.fromName,
        },
    defaultLanguage: values.defaultLanguage,
    reminderDays: 'days' in days ? days.days : [],
    messagesPerMinute: Number(values.messagesPerMinute),
  };
  const parsed = emailSettingsSchema.safeParse(candidate);
  const errors: Record<string, string> = {};
  if ('error' in days) errors.reminderDays = days.error;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path.at(-1) ?? 'host');
      errors[key] ??= issue.message;
    }
  }
  const plaintext = parsed.success && parsed.data.smtp ? smtpSettingsProblem(parsed.data.smtp) : null;
  if (plaintext) errors.tlsMode = plaintext;
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { settings: parsed.data };
}

export function EmailSmtpSettings() {
  const { t } = useTranslation('settings');
  const notify = useAppStore((state) => state.notify);
  const [values, setValues] = useState<FormValues>(toForm(defaultEmailSettings));
  const [passwordConfigured, setPasswordConfigured] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [testTo, setTestTo] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('getEmailSettings', {})
      .then((view) => {
        setValues(toForm(view.settings));
        setPasswordConfigured(view.password.configured);
        setTestTo(view.settings.smtp?.fromAddress ?? '');
      })
      .catch((error: unknown) => notify('error', errorMessage(error)));
  }, [notify]);

  const set = (key: keyof FormValues) => (event: { target: { value: string } }) =>
    setValues({ ...values, [key]: event.target.value });

  const save = async (): Promise<boolean> => {
    const parsed = fromForm(values);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return false;
    }
    setErrors({});
    setBusy(true);
    try {
      const view = await call('saveEmailSettings', {
        settings: parsed.settings,
        ...(values.password !== '' ? { password: values.password } : {}),
      });
      setPasswordConfigured(view.password.configured);
      setValues({ ...toForm(view.settings), password: '' });
      notify('success', t('email.saved'));
      return true;
    } catch (error) {
      if (error instanceof ClientError) setErrors(error.fieldErrors);
      notify('error', errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const testSend = async () => {
    if (!(await save())) return;
    setBusy(true);
    try {
      notify('success', (await call('sendTestEmail', { to: testTo })).message);
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const forgetPassword = async () => {
    const parsed = fromForm(values);
    if ('errors' in parsed) return setErrors(parsed.errors);
    try {
      const view = await call('saveEmailSettings', { settings: parsed.settings, password: null });
      setPasswordConfigured(view.password.configured);
      notify('success', t('email.passwordRemoved'));
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  const error = (key: string) => errors[key];

  return (
    <form
      className="panel email-settings"
      noValidate
      aria-labelledby="email-settings-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="email-settings-title">{t('email.title')}</h2>
      <p className="field-hint">{t('email.hint')}</p>
      <div className="field-row">
        <Field id="smtp-host" label={t('email.host')} error={error('host')}>
          <input value={values.host} onChange={set('host')} {...fieldAria('smtp-host', error('host'))} />
        </Field>
        <Field id="smtp-port" label={t('email.port')} error={error('port')}>
          <input
            inputMode="numeric"
            value={values.port}
            onChange={set('port')}
            {...fieldAria('smtp-port', error('port'))}
          />
        </Field>
      </div>
      <fieldset className="radio-group">
        <legend>{t('email.encryption')}</legend>
        {smtpTlsModes.map((mode) => (
          <label key={mode} className="checkbox">
            <input
              type="radio"
              name="smtp-tls"
              checked={values.tlsMode === mode}
              onChange={() => setValues({ ...values, tlsMode: mode })}
            />
            {t(`email.tls.${mode}`)}
          </label>
        ))}
        {error('tlsMode') && (
          <p className="field-error" id="smtp-tls-error" role="alert">
            {error('tlsMode')}
          </p>
        )}
      </fieldset>
      <div className="field-row">
        <Field id="smtp-user" label={t('email.user')} error={error('user')} hint={t('email.userHint')}>
          <input
            value={values.user}
            autoComplete="off"
            onChange={set('user')}
            {...fieldAria('smtp-user', error('user'))}
          />
        </Field>
        <Field
          id="smtp-password"
          label={t('email.password')}
          hint={passwordConfigured ? t('email.passwordStored') : t('email.passwordNotSet')}
        >
          <input
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={set('password')}
            {...fieldAria('smtp-password', undefined)}
          />
        </Field>
      </div>
      <div className="field-row">
        <Field id="smtp-from-address" label={t('email.fromAddress')} error={error('fromAddress')}>
          <input
            type="email"
            value={values.fromAddress}
            onChange={set('fromAddress')}
            {...fieldAria('smtp-from-address', error('fromAddress'))}
          />
        </Field>
        <Field id="smtp-from-name" label={t('email.fromName')} error={error('fromName')}>
          <input
            value={values.fromName}
            onChange={set('fromName')}
            {...fieldAria('smtp-from-name', error('fromName'))}
          />
        </Field>
      </div>
      <div className="field-row">
        <Field id="email-default-language" label={t('email.defaultLanguage')}>
          <select
            id="email-default-language"
            value={values.defaultLanguage}
            onChange={(event) => setValues({ ...values, defaultLanguage: event.target.value as EmailLanguage })}
          >
            {emailLanguages.map((code) => (
              <option key={code} value={code}>
                {languageNativeNames[code]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="email-reminder-days"
          label={t('email.reminderDays')}
          error={error('reminderDays')}
          hint={t('email.reminderDaysHint')}
        >
          <input
            value={values.reminderDays}
            onChange={set('reminderDays')}
            {...fieldAria('email-reminder-days', error('reminderDays'))}
          />
        </Field>
        <Field id="email-pace" label={t('email.pace')} error={error('messagesPerMinute')}>
          <input
            inputMode="numeric"
            value={values.messagesPerMinute}
            onChange={set('messagesPerMinute')}
            {...fieldAria('email-pace', error('messagesPerMinute'))}
          />
        </Field>
      </div>
      <div className="form-actions">
        {passwordConfigured && (
          <button type="button" disabled={busy} onClick={() => void forgetPassword()}>
            {t('email.removePassword')}
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('email.save')}
        </button>
      </div>
      <div className="field-row email-test-row">
        <Field id="email-test-to" label={t('email.testTo')}>
          <input type="email" value={testTo} onChange={(event) => setTestTo(event.target.value)} id="email-test-to" />
        </Field>
        <button
          type="button"
          disabled={busy || values.host.trim() === '' || testTo.trim() === ''}
          onClick={() => void testSend()}
        >
          {t('email.sendTest')}
        </button>
      </div>
    </form>
  );
}
