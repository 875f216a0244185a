// Follow-ups: each customer's email language and reminder schedule (default: the days in the email settings,
// counted from when the link was first handed over), the "due today" list, snooze, and sending what is due.
// Reminders stop by themselves once a customer authorizes (only customers waiting for the customer qualify).
import type { CustomerDetail } from '../../../shared/ipc/contract';
import type {
  CustomerEmailState,
  DueReminder,
  DueRemindersWindow,
  SendResult,
} from '../../../shared/email/email-messages';
import type { EmailLanguageCode } from '../../../shared/email/email-template';
import {
  dueReminder,
  remindableStatuses,
  reminderSchedule,
  type ReminderState,
} from '../../../shared/email/reminder-schedule';
import { AppError } from '../../../shared/ipc/ipc-error';
import { sentReminderSteps, sentReminderStepsByCustomer } from './email-outbox';
import {
  getCustomerLanguage,
  getCustomerReminders,
  getLinkSentAt,
  listReminderCandidates,
  reminderDetails,
  saveCustomerReminders,
  setCustomerLanguage,
} from './email-repository';
import { recordChange, requireCustomer, requireEditable } from '../customers/customer-records';
import type { EmailService } from './email-service';
import type { EmailSettingsService } from './email-settings-service';
import type { ServiceContext } from '../../platform/service-context';

export interface ReminderService {
  state(customerId: string): CustomerEmailState;
  setPreferences(
    customerId: string,
    preferences: { language: EmailLanguageCode | null; reminderDays: number[] | null },
  ): { detail: CustomerDetail; state: CustomerEmailState };
  snooze(customerId: string, days: number): { detail: CustomerDetail; state: CustomerEmailState };
  listDue(): DueReminder[];
  // One window of the due list and its count: the window never gets the whole list.
  dueWindow(offset: number, limit: number): DueRemindersWindow;
  // Sends the reminders due now (all, or those of the given customers), with progress.
  sendDue(operationId: string, customerIds: string[] | null): Promise<SendResult[]>;
}

const dayMs = 24 * 60 * 60 * 1000;

export function createReminderService(
  context: ServiceContext,
  dependencies: { settings: EmailSettingsService; email: EmailService },
): ReminderService {
  function reminderState(customerId: string): ReminderState & { custom: number[] | null } {
    const customer = requireCustomer(context, customerId);
    const stored = getCustomerReminders(context.db, customerId);
    return {
      status: customer.status,
      linkSentAt: getLinkSentAt(context.db, customerId),
      reminderDays: stored.reminderDays ?? dependencies.settings.settings().reminderDays,
      custom: stored.reminderDays,
      sentSteps: sentReminderSteps(context.db, customerId),
      snoozedUntil: stored.snoozedUntil,
    };
  }

  function state(customerId: string): CustomerEmailState {
    const reminders = reminderState(customerId);
    const { settings } = dependencies;
    const choice = getCustomerLanguage(context.db, customerId);
    const { contactEmail } = requireCustomer(context, customerId);
    const resolved = settings.resolveLanguage(choice, contactEmail);
    const automatic = settings.resolveLanguage(null, contactEmail);
    return {
      customerId,
      // A language since removed reads as no choice.
      language: resolved.source === 'customer' ? resolved.language : null,
      effectiveLanguage: resolved.language,
      effectiveLanguageName: settings.languageName(resolved.language),
      languageSource: resolved.source,
      languageTld: resolved.tld,
      // Without the customer's choice: what they would be written to.
      automaticLanguage: { ...automatic, name: settings.languageName(automatic.language) },
      languages: settings.languages(),
      reminderDays: reminders.custom,
      effectiveReminderDays: reminders.reminderDays,
      snoozedUntil: reminders.snoozedUntil,
      snoozed: reminders.snoozedUntil !== null && Date.parse(reminders.snoozedUntil) > context.now().getTime(),
      linkSentAt: reminders.linkSentAt,
      reminders: reminderSchedule(reminders),
      remindersActive: remindableStatuses.includes(reminders.status),
    };
  }

  // A reminder due now, before its customer's name and address are read.
  interface DueEntry {
    seq: number;
    customerId: string;
    step: number;
    dueAt: string;
  }

  // One query for the candidates and one for the sent steps: this runs at start and after every change,
  // over every customer waiting for acceptance, so it must not query per customer. It reads only what the
  // schedule needs; the names and addresses are read for the reminders shown (describe).
  function dueEntries(): DueEntry[] {
    const now = context.now();
    const { reminderDays: defaultDays } = dependencies.settings.settings();
    const sentSteps = sentReminderStepsByCustomer(context.db);
    return listReminderCandidates(context.db).flatMap((candidate) => {
      const due = dueReminder(
        {
          status: candidate.status,
          linkSentAt: candidate.linkSentAt,
          reminderDays: candidate.reminderDays ?? defaultDays,
          sentSteps: sentSteps.get(candidate.customerId) ?? [],
          snoozedUntil: candidate.snoozedUntil,
        },
        now,
      );
      return due ? [{ seq: candidate.seq, customerId: candidate.customerId, step: due.step, dueAt: due.dueAt }] : [];
    });
  }

  function describe(entries: DueEntry[]): DueReminder[] {
    const languages = dependencies.settings.languageResolver();
    return entries.flatMap((entry) => {
      const details = reminderDetails(context.db, entry.seq);
      // Gone since the list was worked out (another process removed it): nothing to remind.
      if (!details) return [];
      const { language } = languages.resolveLanguage(details.language, details.contactEmail);
      return [
        {
          customerId: entry.customerId,
          companyName: details.companyName,
          contactName: details.contactName,
          contactEmail: details.contactEmail,
          step: entry.step,
          dueAt: entry.dueAt,
          language,
          languageName: languages.languageName(language),
        },
      ];
    });
  }

  const listDue = (): DueReminder[] => describe(dueEntries());

  // The due list is worked out over every waiting customer, so the windows of one scroll share one
  // computation: kept until this connection or another one writes (total_changes, data_version) or the minute
  // turns (reminders fall due as time passes). A window reads the details of its own rows only.
  const changeMarks = context.db.prepare<[], { changes: number }>('SELECT total_changes() AS changes');
  let cached: { key: string; due: DueEntry[] } | null = null;
  function currentDue(): DueEntry[] {
    const changes = changeMarks.get()?.changes ?? 0;
    const dataVersion = context.db.pragma('data_version', { simple: true }) as number;
    const key = `${changes}:${dataVersion}:${Math.floor(context.now().getTime() / 60_000)}`;
    if (cached?.key !== key) cached = { key, due: dueEntries() };
    return cached.due;
  }

  return {
    state,
    setPreferences(customerId, { language, reminderDays }) {
      const customer = requireCustomer(context, customerId);
      requireEditable(customer);
      const known = language === null ? null : dependencies.settings.knownLanguage(language);
      if (language !== null && known === null) {
        throw new AppError('invalid-request', `There is no email language “${language}”.`, {
          language: 'Choose one of the languages listed.',
        });
      }
      const stored = getCustomerReminders(context.db, customerId);
      const now = context.now();
      // The change and its history entry in one transaction (recordChange nests inside it).
      let detail: CustomerDetail | null = null;
      context.db.transaction(() => {
        setCustomerLanguage(context.db, customerId, known);
        saveCustomerReminders(context.db, customerId, { reminderDays, snoozedUntil: stored.snoozedUntil }, now);
        detail = recordChange(context, null, customerId, {
          type: 'email-preferences-changed',
          summary: `Email language ${known ?? 'default'}; reminders ${reminderDays ? `${reminderDays.join(', ')} days` : 'default schedule'} after the link`,
          data: { language: known, reminderDays },
        });
      })();
      if (!detail) throw new AppError('internal', 'The preferences were not saved.');
      return { detail, state: state(customerId) };
    },
    snooze(customerId, days) {
      const customer = requireCustomer(context, customerId);
      requireEditable(customer);
      const stored = getCustomerReminders(context.db, customerId);
      const until = new Date(context.now().getTime() + days * dayMs).toISOString();
      let detail: CustomerDetail | null = null;
      context.db.transaction(() => {
        saveCustomerReminders(context.db, customerId, { ...stored, snoozedUntil: until }, context.now());
        detail = recordChange(context, null, customerId, {
          type: 'reminder-snoozed',
          summary: `Reminders snoozed for ${days} day${days === 1 ? '' : 's'}`,
          data: { days, until },
        });
      })();
      if (!detail) throw new AppError('internal', 'The snooze was not saved.');
      return { detail, state: state(customerId) };
    },
    listDue,
    dueWindow(offset, limit) {
      const due = currentDue();
      return { total: due.length, offset, reminders: describe(due.slice(offset, offset + limit)) };
    },
    async sendDue(operationId, customerIds) {
      const wanted = customerIds ? new Set(customerIds) : null;
      const due = listDue().filter((reminder) => wanted === null || wanted.has(reminder.customerId));
      // The reminder's number is the step: reminder 2 of a customer can only ever be sent once.
      return dependencies.email.sendBulk(
        operationId,
        due.map((reminder) => ({ customerId: reminder.customerId, template: 'reminder', step: String(reminder.step) })),
        'send-reminders',
      );
    },
  };
}
