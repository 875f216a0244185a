// Email settings and templates: the SMTP account (its password in the OS keychain, the renderer only learns
// whether one is stored), the default language and reminder schedule, the user's template edits, refused
// with a clear message when they use a placeholder AuthDesk does not know, the languages the user added, and
// which language a customer is written to.
import { sameSmtpAccount, smtpSettingsProblem, type EmailSettings } from '../../../shared/email/email-settings';
import {
  emailTemplateKinds,
  isEmailLanguage,
  sameLanguageCode,
  shippedEmailLanguageOptions,
  type CustomEmailLanguage,
  type EmailLanguageCode,
  type EmailLanguageOption,
  type EmailTemplate,
  type EmailTemplateKind,
  type StoredEmailTemplate,
} from '../../../shared/email/email-template';
import { resolveEmailLanguage, type ResolvedEmailLanguage } from '../../../shared/email/email-language';
import { defaultTemplate } from '../../../shared/email/default-templates';
import { validateTemplate } from '../../../shared/email/render-template';
import { AppError } from '../../../shared/ipc/ipc-error';
import type { CredentialStore } from '../../platform/keychain/credential-store';
import {
  deleteCustomLanguage,
  deleteTemplateEdit,
  getCustomerLanguage,
  getEmailSettings,
  insertCustomLanguage,
  listCustomLanguages,
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
  template(kind: EmailTemplateKind, language: EmailLanguageCode): EmailTemplate;
  saveTemplate(template: EmailTemplate): StoredEmailTemplate;
  resetTemplate(kind: EmailTemplateKind, language: EmailLanguageCode): StoredEmailTemplate;
  // Every language a message can be written in: the shipped ones, then the user's own.
  languages(): EmailLanguageOption[];
  addLanguage(language: CustomEmailLanguage): EmailLanguageOption[];
  removeLanguage(code: EmailLanguageCode): EmailLanguageOption[];
  // The language's code as stored ("pt-br" finds "pt-BR"), or null when there is no such language.
  knownLanguage(code: EmailLanguageCode): EmailLanguageCode | null;
  languageName(code: EmailLanguageCode): string;
  // The language a customer is written to when no language is asked for, and why.
  customerLanguage(customer: { id: string; contactEmail: string }): ResolvedEmailLanguage;
  resolveLanguage(choice: EmailLanguageCode | null, contactEmail: string): ResolvedEmailLanguage;
  // resolveLanguage and languageName over the languages and the default as they are now, read once: for
  // work over many customers (the due list), which would otherwise read them again for each.
  languageResolver(): LanguageResolver;
}

export interface LanguageResolver {
  resolveLanguage(choice: EmailLanguageCode | null, contactEmail: string): ResolvedEmailLanguage;
  languageName(code: EmailLanguageCode): string;
}

// "PT-br" is written pt-BR, "SV" sv; null when the code is not a language tag at all.
function canonicalCode(code: string): string | null {
  try {
    return Intl.getCanonicalLocales(code.trim())[0] ?? null;
  } catch {
    return null;
  }
}

export function createEmailSettingsService(
  context: ServiceContext,
  credentials: CredentialStore,
): EmailSettingsService {
  const passwordConfigured = async () => (await credentials.get(smtpPasswordCredential)) !== null;

  const languages = (): EmailLanguageOption[] => [
    ...shippedEmailLanguageOptions(),
    ...listCustomLanguages(context.db).map((language) => ({ ...language, custom: true })),
  ];

  const resolverOver = (options: EmailLanguageOption[], defaultLanguage: EmailLanguageCode): LanguageResolver => {
    const known = (code: EmailLanguageCode): EmailLanguageCode | null =>
      options.find((language) => sameLanguageCode(language.code, code))?.code ?? null;
    return {
      resolveLanguage: (choice, contactEmail) =>
        resolveEmailLanguage({
          choice: choice === null ? null : known(choice),
          contactEmail,
          defaultLanguage,
          available: (code) => known(code) !== null,
        }),
      languageName: (code) => options.find((language) => sameLanguageCode(language.code, code))?.name ?? code,
    };
  };
  const languageResolver = () => resolverOver(languages(), getEmailSettings(context.db).defaultLanguage);

  const knownLanguage = (code: EmailLanguageCode): EmailLanguageCode | null =>
    languages().find((language) => sameLanguageCode(language.code, code))?.code ?? null;

  // The stored code of a language a request names, or a clear refusal.
  const requireLanguage = (code: EmailLanguageCode): EmailLanguageCode => {
    const known = knownLanguage(code);
    if (known === null) {
      throw new AppError('invalid-request', `There is no email language “${code}”: add it in Settings › Email first.`, {
        language: 'Choose one of the languages listed.',
      });
    }
    return known;
  };

  const template = (kind: EmailTemplateKind, language: EmailLanguageCode): EmailTemplate =>
    getTemplateEdit(context.db, kind, language) ?? defaultTemplate(kind, language);

  const stored = (kind: EmailTemplateKind, language: EmailLanguageCode): StoredEmailTemplate => {
    const edit = getTemplateEdit(context.db, kind, language);
    return { ...(edit ?? defaultTemplate(kind, language)), edited: edit !== null };
  };

  const resolveLanguage = (choice: EmailLanguageCode | null, contactEmail: string): ResolvedEmailLanguage =>
    languageResolver().resolveLanguage(choice, contactEmail);

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
      const edits = new Map(listTemplateEdits(context.db).map((edit) => [`${edit.kind}/${edit.language}`, edit]));
      const codes = languages().map((language) => language.code);
      return emailTemplateKinds.flatMap((kind) =>
        codes.map((language) => {
          const edit = edits.get(`${kind}/${language}`);
          return { ...(edit ?? defaultTemplate(kind, language)), edited: edit !== undefined };
        }),
      );
    },
    template,
    saveTemplate(requested) {
      const edited = { ...requested, language: requireLanguage(requested.language) };
      const problems = validateTemplate(edited);
      if (problems.subject || problems.body) {
        throw new AppError('invalid-request', problems.subject ?? problems.body ?? 'The template is not valid.', {
          ...problems,
        });
      }
      saveTemplateEdit(context.db, edited, context.now());
      return stored(edited.kind, edited.language);
    },
    resetTemplate(kind, requested) {
      const language = requireLanguage(requested);
      deleteTemplateEdit(context.db, kind, language);
      return stored(kind, language);
    },
    languages,
    addLanguage({ code: requested, name }) {
      const code = canonicalCode(requested);
      if (code === null) {
        throw new AppError('invalid-request', `“${requested}” is not a language code: use one such as sv or cs.`, {
          code: 'Enter a language code such as sv, cs or pt-BR.',
        });
      }
      if (isEmailLanguage(code.toLowerCase())) {
        throw new AppError('conflict', `AuthDesk already ships ${code}: edit its templates instead.`, {
          code: 'This language is already listed.',
        });
      }
      if (knownLanguage(code) !== null) {
        throw new AppError('conflict', `The language ${code} is already added.`, {
          code: 'This language is already listed.',
        });
      }
      insertCustomLanguage(context.db, { code, name: name.trim() }, context.now());
      return languages();
    },
    removeLanguage(requested) {
      const code = requireLanguage(requested);
      if (isEmailLanguage(code)) {
        throw new AppError('conflict', 'A language AuthDesk ships cannot be removed.');
      }
      deleteCustomLanguage(context.db, code);
      return languages();
    },
    knownLanguage,
    languageName: (code) => languageResolver().languageName(code),
    customerLanguage: (customer) =>
      resolveLanguage(getCustomerLanguage(context.db, customer.id), customer.contactEmail),
    resolveLanguage,
    languageResolver,
  };
}
