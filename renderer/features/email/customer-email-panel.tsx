// The customer's email panel: compose from a template, the language the customer is written to, the
// reminder schedule (default from Settings, editable per customer), when each reminder falls due, and snooze.
import { useEffect, useState } from 'react';
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
      notify('success', 'Email preferences saved.');
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  const snooze = async (days: number) => {
    try {
      const answer = await call('snoozeReminders', { customerId: customer.id, days });
      showDetail(answer.detail);
      setState(answer.state);
      notify('success', `Reminders snoozed for ${days} day${days === 1 ? '' : 's'}.`);
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  const readOnly = isReadOnly(customer.status) || customer.status === 'checked-out';
  const canEmail = customer.authorizationLink !== null && customer.status !== 'archived';
  const defaultDays = state ? state.effectiveReminderDays.join(', ') : '3, 7';

  return (
    <section className="panel email-panel" aria-labelledby="email-title">
      <h2 id="email-title">Email</h2>
      <div className="button-row">
        <button type="button" className="primary" disabled={!canEmail} onClick={() => setComposeOpen(true)}>
          Compose email…
        </button>
        {!canEmail && <span className="field-hint">Get the authorization link first.</span>}
      </div>
      {state && !readOnly && (
        <div className="email-preferences">
          <div className="field-row">
            <div className="field">
              <label htmlFor="customer-email-language">Language</label>
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
              <label htmlFor="customer-reminder-days">Reminders (days after the link was sent)</label>
              <input
                id="customer-reminder-days"
                value={daysText}
                placeholder={`Default: ${defaultDays}`}
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
              Save email preferences
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
  if (!state.remindersActive) {
    return <p className="field-hint">No reminders: they run only while AuthDesk waits for the customer to accept.</p>;
  }
  if (state.linkSentAt === null) {
    return <p className="field-hint">Reminders start once the link has been sent.</p>;
  }
  return (
    <div className="email-reminders">
      <ul aria-label="Reminders">
        {state.reminders.map((reminder) => (
          <li key={reminder.step}>
            Reminder {reminder.step}: {reminder.sent ? 'sent' : 'due'} {formatDateTime(reminder.dueAt)}
          </li>
        ))}
      </ul>
      {state.snoozed && state.snoozedUntil && (
        <p className="field-hint">Snoozed until {formatDateTime(state.snoozedUntil)}.</p>
      )}
      {onSnooze && (
        <div className="button-row" role="group" aria-label="Snooze reminders">
          <span>Snooze:</span>
          {[1, 3, 7].map((days) => (
            <button key={days} type="button" onClick={() => onSnooze(days)}>
              {days} day{days === 1 ? '' : 's'}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
