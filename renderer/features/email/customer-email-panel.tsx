// The customer's email panel: compose from a template, the language the customer is written to, the
// reminder schedule (default from Settings, editable per customer), when each reminder falls due, and snooze.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/domain/customer';
import type { CustomerEmailState } from '../../../shared/email/email-messages';
import { parseReminderDays } from '../../../shared/email/email-settings';
import type { EmailLanguageCode } from '../../../shared/email/email-template';
import { isReadOnly } from '../../../shared/domain/customer-status';
import { call, errorMessage, subscribe } from '../../api/authdesk-client';
import { formatDateTime } from '../../components/format-time';
import { useAppStore } from '../../store/app-store';
import { ComposeDialog } from './compose-dialog';
import { automaticLanguageLabel } from './email-languages';
import '../../styles/email.css';

export function CustomerEmailPanel({ customer }: { customer: Customer }) {
  const { t } = useTranslation('email');
  const showDetail = useAppStore((state) => state.showDetail);
  const notify = useAppStore((state) => state.notify);
  const [state, setState] = useState<CustomerEmailState | null>(null);
  const [smtpConfigured, setSmtpConfigured] = useState(false);
  const [composeOpen, setComposeOpen] = useState(false);
  const [language, setLanguage] = useState<EmailLanguageCode | null>(null);
  const [daysText, setDaysText] = useState('');
  const [daysError, setDaysError] = useState<string | null>(null);

  // Main says when this customer changed (an email sent, a hand-off starts the reminder clock, an
  // authorization stops it): reload then.
  const [version, setVersion] = useState(0);
  useEffect(
    () =>
      subscribe('customerChanged', ({ customerId }) => {
        if (customerId === customer.id) setVersion((value) => value + 1);
      }),
    [customer.id],
  );

  useEffect(() => {
    let cancelled = false;
    Promise.all([call('getCustomerEmail', { customerId: customer.id }), call('getEmailSettings', {})])
      .then(([value, settings]) => {
        if (cancelled) return;
        setState(value);
        setSmtpConfigured(settings.settings.smtp !== null);
        setLanguage(value.language);
        setDaysText(value.reminderDays ? value.reminderDays.join(', ') : '');
      })
      .catch((error: unknown) => notify('error', errorMessage(error)));
    return () => {
      cancelled = true;
    };
  }, [customer.id, version, notify]);

  const savePreferences = async () => {
    const parsed = daysText.trim() === '' ? { days: null } : parseReminderDays(daysText);
    if ('error' in parsed) {
      setDaysError(parsed.error);
      return;
    }
    setDaysError(null);
    try {
      const answer = await call('setCustomerEmailPreferences', {
        customerId: customer.id,
        language,
        reminderDays: parsed.days,
      });
      showDetail(answer.detail);
      setState(answer.state);
      notify('success', t('panel.saved'));
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  const snooze = async (days: number) => {
    try {
      const answer = await call('snoozeReminders', { customerId: customer.id, days });
      showDetail(answer.detail);
      setState(answer.state);
      notify('success', t('panel.snoozed', { count: days }));
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  const readOnly = isReadOnly(customer.status) || customer.status === 'checked-out';
  const canEmail = customer.authorizationLink !== null && customer.status !== 'archived';
  const defaultDays = state ? state.effectiveReminderDays.join(', ') : '3, 7';

  return (
    <section className="panel email-panel" aria-labelledby="email-title">
      <h2 id="email-title">{t('panel.title')}</h2>
      <div className="button-row">
        <button type="button" className="primary" disabled={!canEmail} onClick={() => setComposeOpen(true)}>
          {t('panel.compose')}
        </button>
        {!canEmail && <span className="field-hint">{t('panel.needsLink')}</span>}
      </div>
      {state && !readOnly && (
        <div className="email-preferences">
          <div className="field-row">
            <div className="field">
              <label htmlFor="customer-email-language">{t('panel.language')}</label>
              <select
                id="customer-email-language"
                value={language ?? ''}
                onChange={(event) => setLanguage(event.target.value === '' ? null : event.target.value)}
              >
                <option value="">{automaticLanguageLabel(state.automaticLanguage)}</option>
                {state.languages.map((option) => (
                  <option key={option.code} value={option.code}>
                    {option.name}
                  </option>
                ))}
              </select>
            </div>
            <div className={daysError ? 'field field-invalid' : 'field'}>
              <label htmlFor="customer-reminder-days">{t('panel.reminderDays')}</label>
              <input
                id="customer-reminder-days"
                value={daysText}
                placeholder={t('panel.defaultDays', { days: defaultDays })}
                aria-invalid={daysError ? true : undefined}
                aria-describedby="customer-reminder-days-error"
                onChange={(event) => setDaysText(event.target.value)}
              />
              {daysError && (
                <p className="field-error" id="customer-reminder-days-error" role="alert">
                  {daysError}
                </p>
              )}
            </div>
          </div>
          <div className="button-row">
            <button type="button" onClick={() => void savePreferences()}>
              {t('panel.save')}
            </button>
          </div>
        </div>
      )}
      {state && <ReminderList state={state} onSnooze={readOnly ? null : snooze} />}
      {composeOpen && (
        <ComposeDialog
          customer={customer}
          open={composeOpen}
          onClose={() => setComposeOpen(false)}
          smtpConfigured={smtpConfigured}
        />
      )}
    </section>
  );
}

function ReminderList({ state, onSnooze }: { state: CustomerEmailState; onSnooze: ((days: number) => void) | null }) {
  const { t } = useTranslation('email');
  if (!state.remindersActive) {
    return <p className="field-hint">{t('panel.noReminders')}</p>;
  }
  if (state.linkSentAt === null) {
    return <p className="field-hint">{t('panel.notStarted')}</p>;
  }
  return (
    <div className="email-reminders">
      <ul aria-label={t('panel.reminders')}>
        {state.reminders.map((reminder) => (
          <li key={reminder.step}>
            {t(reminder.sent ? 'panel.reminderSent' : 'panel.reminderDue', {
              step: reminder.step,
              date: formatDateTime(reminder.dueAt),
            })}
          </li>
        ))}
      </ul>
      {state.snoozed && state.snoozedUntil && (
        <p className="field-hint">{t('panel.snoozedUntil', { date: formatDateTime(state.snoozedUntil) })}</p>
      )}
      {onSnooze && (
        <div className="button-row" role="group" aria-label={t('panel.snoozeGroup')}>
          <span>{t('panel.snooze')}</span>
          {[1, 3, 7].map((days) => (
            <button key={days} type="button" onClick={() => onSnooze(days)}>
              {t('panel.days', { count: days })}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
