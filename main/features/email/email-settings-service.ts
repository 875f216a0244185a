// Email settings and templates: the SMTP account (its password in the OS keychain, the renderer only learns
// whether one is stored), the default language and reminder schedule, and the user's template edits, refused
// with a clear message when they use a placeholder AuthDesk does not know.
import { sameSmtpAccount, smtpSettingsProblem, type EmailSettings } from '../../../shared/email/email-settings';
import {
  emailLanguages,
  emailTemplateKinds,
  type EmailLanguage,
  type EmailTemplate,
  type EmailTemplateKind,
  type StoredEmailTemplate,
} from '../../../shared/email/email-template';
import { defaultTemplate } from '../../../shared/email/default-templates';
import { validateTemplate } from '../../../shared/email/render-template';
import { AppError } from '../../../shared/ipc/ipc-error';
import type { CredentialStore } from '../../platform/keychain/credential-store';
import {
  deleteTemplateEdit,
  getEmailSettings,
  getTemplateEdit,
  listTemplateEdits,
  saveEmailSettings,
  saveTemplateEdit,
} from './email-repository';
import type { SmtpAccount } from './smtp-mailer';
import type { ServiceContext } from '../../platform/service-context';

export const smtpPasswordCredential = 'smtp-password';

export interface EmailSettingsView {
  settings: EmailSettings;
  password: { configured: boolean };
}

export interface EmailSettingsService {
  get(): Promise<EmailSettingsView>;
  // password: a new one to store, null to remove the stored one, undefined to keep it.
  save(settings: EmailSettings, password: string | null | undefined): Promise<EmailSettingsView>;
  settings(): EmailSettings;
  smtpAccount(): Promise<SmtpAccount>;
  listTemplates(): StoredEmailTemplate[];
  template(kind: EmailTemplateKind, language: EmailLanguage): EmailTemplate;
  saveTemplate(template: EmailTemplate): StoredEmailTemplate;
  resetTemplate(kind: EmailTemplateKind, language: EmailLanguage): StoredEmailTemplate;
}

export function createEmailSettingsService(
  context: ServiceContext,
  credentials: CredentialStore,
): EmailSettingsService {
  const passwordConfigured = async () => (await credentials.get(smtpPasswordCredential)) !== null;

  const template = (kind: EmailTemplateKind, language: EmailLanguage): EmailTemplate =>
    getTemplateEdit(context.db, kind, language) ?? defaultTemplate(kind, language);

  const stored = (kind: EmailTemplateKind, language: EmailLanguage): StoredEmailTemplate => {
    const edit = getTemplateEdit(context.db, kind, language);
    return { ...(edit ?? defaultTemplate(kind, language)), edited: edit !== null };
  };

  return {
    async get() {
      return { settings: getEmailSettings(context.db), password: { configured: await passwordConfigured() } };
    },
    async save(settings, password) {
      const problem = settings.smtp ? smtpSettingsProblem(settings.smtp) : null;
      if (problem) throw new AppError('invalid-request', problem, { smtp: problem });
      const newPassword = password !== undefined && password !== null && password !== '';
      // A stored password is never sent to another server or as another user than it was entered for.
      const accountChanged = !sameSmtpAccount(getEmailSettings(context.db).smtp, settings.smtp);
      // The keychain first: if it is unreachable nothing is half-saved.
      if (newPassword) await credentials.set(smtpPasswordCredential, password);
      else if (password === null || accountChanged) await credentials.delete(smtpPasswordCredential);
      const saved = saveEmailSettings(context.db, settings, context.now());
      return { settings: saved, password: { configured: await passwordConfigured() } };
    },
    settings: () => getEmailSettings(context.db),
    async smtpAccount() {
      const { smtp } = getEmailSettings(context.db);
      if (!smtp) {
        throw new AppError(
          'not-configured',
          'Set up the SMTP server in Settings › Email first, or use your mail client.',
        );
      }
      const password = smtp.user ? await credentials.get(smtpPasswordCredential) : null;
      if (smtp.user && password === null) {
        throw new AppError(
          'not-configured',
          'Enter the SMTP password in Settings › Email (it is kept in the OS keychain).',
        );
      }
      return { ...smtp, password };
    },
    listTemplates() {
      const edits = new Set(listTemplateEdits(context.db).map((edit) => `${edit.kind}/${edit.language}`));
      return emailTemplateKinds.flatMap((kind) =>
        emailLanguages.map((language) => ({ ...template(kind, language), edited: edits.has(`${kind}/${language}`) })),
      );
    },
    template,
    saveTemplate(edited) {
      const problems = validateTemplate(edited);
      if (problems.subject || problems.body) {
        throw new AppError('invalid-request', problems.subject ?? problems.body ?? 'The template is not valid.', {
          ...problems,
        });
      }
      saveTemplateEdit(context.db, edited, context.now());
      return stored(edited.kind, edited.language);
    },
    resetTemplate(kind, language) {
      deleteTemplateEdit(context.db, kind, language);
      return stored(kind, language);
    },
  };
}
