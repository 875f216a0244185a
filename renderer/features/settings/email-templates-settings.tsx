// Settings › Email templates: edit the invitation, reminder, partial acceptance and thank-you in each language,
// with the placeholders listed, a live preview on a sample customer, and unknown placeholders refused as you
// type. The user adds a language of their own (its templates start from English) and removes it again.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/domain/customer';
import type { PartnerProfile } from '../../../shared/domain/partner-profile';
import {
  emailLanguageLabels,
  emailTemplateKinds,
  isEmailLanguage,
  placeholderNames,
  shippedEmailLanguageOptions,
  type EmailLanguageCode,
  type EmailLanguageOption,
  type EmailTemplateKind,
  type StoredEmailTemplate,
} from '../../../shared/email/email-template';
import { placeholderValues } from '../../../shared/email/placeholder-values';
import { renderEmail, validateTemplate } from '../../../shared/email/render-template';
import { call, ClientError, errorMessage } from '../../api/authdesk-client';
import { useAppStore } from '../../store/app-store';
import { EmailPreview } from '../email/email-preview';
import '../../styles/email.css';

// The preview's sample customer: non-ASCII on purpose, so what the customer sees is what the user sees.
const sampleCustomer: Customer = {
  id: 'sample',
  kind: 'indirect',
  companyName: 'Müller & Söhne GmbH',
  contactName: 'Jürgen Müller',
  contactEmail: 'juergen@mueller-soehne.example',
  domainPrefix: 'muellersoehne',
  defaultDomain: null,
  resellerMpnId: '4391507',
  resellerName: 'Fabrikam IT Services',
  includeDelegatedAdmin: true,
  billingAddress: null,
  status: 'sent',
  authorizationLink: null,
  lastVerification: null,
  orderReference: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const sampleLink =
  'https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship&partnerId=00000000-0000-0000-0000-000000000000&msppId=4391507&DAP=true#/BillingAccounts/partner-invitation';
// The sample customer has a GDAP request waiting, so the preview shows where its paragraph goes.
const sampleGdap = {
  link: 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/00000000-0000-0000-0000-000000000000-00000000-0000-0000-0000-000000000000',
};

// Shipped languages keep their listed labels ("Deutsch (German)"); the user's own go by the name they gave.
const languageLabel = (option: EmailLanguageOption) =>
  isEmailLanguage(option.code) ? emailLanguageLabels[option.code] : option.name;

export function EmailTemplatesSettings() {
  const { t } = useTranslation('emailTemplates');
  const { t: tDomain } = useTranslation('domain');
  const notify = useAppStore((state) => state.notify);
  const [templates, setTemplates] = useState<StoredEmailTemplate[] | null>(null);
  const [languages, setLanguages] = useState<EmailLanguageOption[]>(shippedEmailLanguageOptions);
  const [kind, setKind] = useState<EmailTemplateKind>('invitation');
  const [language, setLanguage] = useState<EmailLanguageCode>('en');
  const [adding, setAdding] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  // Bumped after a save or reset so the editor starts again from the stored text.
  const [version, setVersion] = useState(0);

  const load = useCallback(
    () =>
      Promise.all([call('listEmailTemplates', {}), call('listEmailLanguages', {})])
        .then(([list, options]) => {
          setTemplates(list);
          setLanguages(options);
        })
        .catch((error: unknown) => notify('error', errorMessage(error))),
    [notify],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const current = templates?.find((template) => template.kind === kind && template.language === language) ?? null;
  const currentLanguage = languages.find((option) => option.code === language) ?? null;

  const replace = (saved: StoredEmailTemplate) => {
    setTemplates((list) =>
      (list ?? []).map((template) =>
        template.kind === saved.kind && template.language === saved.language ? saved : template,
      ),
    );
    setVersion((value) => value + 1);
  };

  const added = async (options: EmailLanguageOption[], code: string) => {
    setAdding(false);
    await load();
    setLanguages(options);
    const option = options.find((item) => item.code.toLowerCase() === code.toLowerCase());
    if (option) {
      setLanguage(option.code);
      notify('success', t('languages.added', { name: option.name }));
    }
  };

  const remove = async () => {
    if (!currentLanguage?.custom) return;
    try {
      const options = await call('removeEmailLanguage', { code: currentLanguage.code });
      setConfirmRemove(false);
      setLanguages(options);
      setLanguage('en');
      await load();
      notify('success', t('languages.removed', { name: currentLanguage.name }));
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  return (
    <section className="panel email-templates" aria-labelledby="email-templates-title">
      <h2 id="email-templates-title">{t('title')}</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor="template-kind">{t('template')}</label>
          <select
            id="template-kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as EmailTemplateKind)}
          >
            {emailTemplateKinds.map((value) => (
              <option key={value} value={value}>
                {tDomain(`emailKind.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="template-language">{t('language')}</label>
          <select
            id="template-language"
            value={language}
            onChange={(event) => {
              setConfirmRemove(false);
              setLanguage(event.target.value);
            }}
          >
            {languages.map((option) => (
              <option key={option.code} value={option.code}>
                {languageLabel(option)}
              </option>
            ))}
          </select>
        </div>
        {current?.edited && <span className="email-edited-badge">{t('edited')}</span>}
        <div className="form-actions">
          {!adding && (
            <button type="button" onClick={() => setAdding(true)}>
              {t('languages.add')}
            </button>
          )}
          {currentLanguage?.custom && !confirmRemove && (
            <button type="button" onClick={() => setConfirmRemove(true)}>
              {t('languages.remove')}
            </button>
          )}
        </div>
      </div>
      {confirmRemove && currentLanguage?.custom && (
        <div className="warning" role="alert">
          <p>{t('languages.removeConfirm', { name: currentLanguage.name })}</p>
          <div className="form-actions">
            <button type="button" onClick={() => setConfirmRemove(false)}>
              {t('languages.cancel')}
            </button>
            <button type="button" onClick={() => void remove()}>
              {t('languages.removeConfirmButton')}
            </button>
          </div>
        </div>
      )}
      {adding && (
        <AddLanguageForm onAdded={(options, code) => void added(options, code)} onCancel={() => setAdding(false)} />
      )}
      {currentLanguage?.custom && <p className="field-hint">{t('languages.customHint')}</p>}
      {current && (
        <TemplateEditor
          key={`${kind}/${language}/${version}`}
          template={current}
          languageName={currentLanguage ? languageLabel(currentLanguage) : language}
          onSaved={replace}
        />
      )}
    </section>
  );
}

function AddLanguageForm({
  onAdded,
  onCancel,
}: {
  onAdded: (languages: EmailLanguageOption[], code: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('emailTemplates');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    try {
      onAdded(await call('addEmailLanguage', { code: code.trim(), name: name.trim() }), code.trim());
    } catch (error) {
      setErrors(error instanceof ClientError ? error.fieldErrors : {});
      if (!(error instanceof ClientError) || Object.keys(error.fieldErrors).length === 0) {
        setErrors({ code: errorMessage(error) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="email-add-language"
      aria-label={t('languages.formLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="field-row">
        <div className={errors.code ? 'field field-invalid' : 'field'}>
          <label htmlFor="new-language-code">{t('languages.code')}</label>
          <input
            id="new-language-code"
            value={code}
            spellCheck={false}
            aria-invalid={errors.code ? true : undefined}
            aria-describedby="new-language-code-hint"
            onChange={(event) => setCode(event.target.value)}
          />
          <p className={errors.code ? 'field-error' : 'field-hint'} id="new-language-code-hint">
            {errors.code ?? t('languages.codeHint')}
          </p>
        </div>
        <div className={errors.name ? 'field field-invalid' : 'field'}>
          <label htmlFor="new-language-name">{t('languages.name')}</label>
          <input
            id="new-language-name"
            value={name}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby="new-language-name-hint"
            onChange={(event) => setName(event.target.value)}
          />
          <p className={errors.name ? 'field-error' : 'field-hint'} id="new-language-name-hint">
            {errors.name ?? t('languages.nameHint')}
          </p>
        </div>
      </div>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          {t('languages.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy || code.trim() === '' || name.trim() === ''}>
          {t('languages.addSubmit')}
        </button>
      </div>
    </form>
  );
}

function TemplateEditor({
  template,
  languageName,
  onSaved,
}: {
  template: StoredEmailTemplate;
  languageName: string;
  onSaved: (saved: StoredEmailTemplate) => void;
}) {
  const { t } = useTranslation('emailTemplates');
  const { t: tDomain } = useTranslation('domain');
  const profile = useAppStore((state) => state.profile);
  const notify = useAppStore((state) => state.notify);
  const { kind, language } = template;
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});

  const problems = validateTemplate({ subject, body });
  const partner: PartnerProfile = profile ?? {
    role: 'indirect-provider',
    organizationName: t('sampleOrganization'),
    partnerTenantId: '00000000-0000-0000-0000-000000000000',
    requireBillingAddress: false,
  };
  // Rendering is cheap and pure: recomputed on every keystroke for a live preview.
  const preview =
    problems.subject || problems.body || subject.trim() === '' || body.trim() === ''
      ? null
      : renderEmail({ subject, body }, placeholderValues(sampleCustomer, partner, sampleLink, language, sampleGdap));

  const save = async () => {
    try {
      onSaved(await call('saveEmailTemplate', { kind, language, subject, body }));
      notify('success', t('saved', { kind: tDomain(`emailKind.${kind}`), language: languageName }));
    } catch (error) {
      if (error instanceof ClientError) setServerErrors(error.fieldErrors);
      notify('error', errorMessage(error));
    }
  };

  const reset = async () => {
    try {
      onSaved(await call('resetEmailTemplate', { kind, language }));
      notify('success', t('resetDone'));
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  const subjectError = problems.subject ?? serverErrors.subject;
  const bodyError = problems.body ?? serverErrors.body;
  const dirty = template.subject !== subject || template.body !== body;

  return (
    <div className="email-template-editor">
      <div className="email-template-fields">
        <div className={subjectError ? 'field field-invalid' : 'field'}>
          <label htmlFor="template-subject">{t('subject')}</label>
          <input
            id="template-subject"
            value={subject}
            aria-invalid={subjectError ? true : undefined}
            aria-describedby="template-subject-error"
            onChange={(event) => setSubject(event.target.value)}
          />
          {subjectError && (
            <p className="field-error" id="template-subject-error" role="alert">
              {subjectError}
            </p>
          )}
        </div>
        <div className={bodyError ? 'field field-invalid' : 'field'}>
          <label htmlFor="template-body">{t('message')}</label>
          <textarea
            id="template-body"
            rows={16}
            value={body}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby="template-body-error"
            onChange={(event) => setBody(event.target.value)}
          />
          {bodyError && (
            <p className="field-error" id="template-body-error" role="alert">
              {bodyError}
            </p>
          )}
        </div>
        <details className="email-placeholders">
          <summary>{t('placeholders')}</summary>
          <dl>
            {placeholderNames.map((name) => (
              <div key={name}>
                <dt>
                  <code>{`{{${name}}}`}</code>
                </dt>
                <dd>{t(`placeholder.${name}`)}</dd>
              </div>
            ))}
          </dl>
        </details>
        <div className="form-actions">
          <button type="button" disabled={!template.edited} onClick={() => void reset()}>
            {t('reset')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!dirty || Boolean(problems.subject ?? problems.body)}
            onClick={() => void save()}
          >
            {t('save')}
          </button>
        </div>
      </div>
      <div className="email-template-preview">
        <h3>{t('preview')}</h3>
        {preview ? (
          <EmailPreview
            to={sampleCustomer.contactEmail}
            subject={preview.subject}
            text={preview.text}
            html={preview.html}
          />
        ) : (
          <p className="field-hint">{t('fixToPreview')}</p>
        )}
      </div>
    </div>
  );
}
