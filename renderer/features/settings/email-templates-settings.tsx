// Settings › Email templates: edit the invitation, reminder and thank-you in each language, with the
// placeholders listed, a live preview on a sample customer, and unknown placeholders refused as you type.
import { useEffect, useState } from 'react';
import type { Customer } from '../../../shared/domain/customer';
import type { PartnerProfile } from '../../../shared/domain/partner-profile';
import {
  emailLanguageLabels,
  emailLanguages,
  emailTemplateKindLabels,
  emailTemplateKinds,
  placeholderDescriptions,
  placeholderNames,
  type EmailLanguage,
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

export function EmailTemplatesSettings() {
  const notify = useAppStore((state) => state.notify);
  const [templates, setTemplates] = useState<StoredEmailTemplate[] | null>(null);
  const [kind, setKind] = useState<EmailTemplateKind>('invitation');
  const [language, setLanguage] = useState<EmailLanguage>('en');
  // Bumped after a save or reset so the editor starts again from the stored text.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    call('listEmailTemplates', {})
      .then(setTemplates)
      .catch((error: unknown) => notify('error', errorMessage(error)));
  }, [notify]);

  const current = templates?.find((template) => template.kind === kind && template.language === language) ?? null;

  const replace = (saved: StoredEmailTemplate) => {
    setTemplates((list) =>
      (list ?? []).map((template) =>
        template.kind === saved.kind && template.language === saved.language ? saved : template,
      ),
    );
    setVersion((value) => value + 1);
  };

  return (
    <section className="panel email-templates" aria-labelledby="email-templates-title">
      <h2 id="email-templates-title">Email templates</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor="template-kind">Template</label>
          <select
            id="template-kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as EmailTemplateKind)}
          >
            {emailTemplateKinds.map((value) => (
              <option key={value} value={value}>
                {emailTemplateKindLabels[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="template-language">Language</label>
          <select
            id="template-language"
            value={language}
            onChange={(event) => setLanguage(event.target.value as EmailLanguage)}
          >
            {emailLanguages.map((value) => (
              <option key={value} value={value}>
                {emailLanguageLabels[value]}
              </option>
            ))}
          </select>
        </div>
        {current?.edited && <span className="email-edited-badge">Edited</span>}
      </div>
      {current && <TemplateEditor key={`${kind}/${language}/${version}`} template={current} onSaved={replace} />}
    </section>
  );
}

function TemplateEditor({
  template,
  onSaved,
}: {
  template: StoredEmailTemplate;
  onSaved: (saved: StoredEmailTemplate) => void;
}) {
  const profile = useAppStore((state) => state.profile);
  const notify = useAppStore((state) => state.notify);
  const { kind, language } = template;
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});

  const problems = validateTemplate({ subject, body });
  const partner: PartnerProfile = profile ?? {
    role: 'indirect-provider',
    organizationName: 'Your organisation',
    partnerTenantId: '00000000-0000-0000-0000-000000000000',
    requireBillingAddress: false,
  };
  // Rendering is cheap and pure: recomputed on every keystroke for a live preview.
  const preview =
    problems.subject || problems.body || subject.trim() === '' || body.trim() === ''
      ? null
      : renderEmail({ subject, body }, placeholderValues(sampleCustomer, partner, sampleLink, language));

  const save = async () => {
    try {
      onSaved(await call('saveEmailTemplate', { kind, language, subject, body }));
      notify('success', `${emailTemplateKindLabels[kind]} (${emailLanguageLabels[language]}) saved.`);
    } catch (error) {
      if (error instanceof ClientError) setServerErrors(error.fieldErrors);
      notify('error', errorMessage(error));
    }
  };

  const reset = async () => {
    try {
      onSaved(await call('resetEmailTemplate', { kind, language }));
      notify('success', 'The shipped template is back.');
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
          <label htmlFor="template-subject">Subject</label>
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
          <label htmlFor="template-body">Message</label>
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
          <summary>Placeholders</summary>
          <dl>
            {placeholderNames.map((name) => (
              <div key={name}>
                <dt>
                  <code>{`{{${name}}}`}</code>
                </dt>
                <dd>{placeholderDescriptions[name]}</dd>
              </div>
            ))}
          </dl>
        </details>
        <div className="form-actions">
          <button type="button" disabled={!template.edited} onClick={() => void reset()}>
            Reset to default
          </button>
          <button
            type="button"
            className="primary"
            disabled={!dirty || Boolean(problems.subject ?? problems.body)}
            onClick={() => void save()}
          >
            Save template
          </button>
        </div>
      </div>
      <div className="email-template-preview">
        <h3>Preview</h3>
        {preview ? (
          <EmailPreview
            to={sampleCustomer.contactEmail}
            subject={preview.subject}
            text={preview.text}
            html={preview.html}
          />
        ) : (
          <p className="field-hint">Fix the template to see the preview.</p>
        )}
      </div>
    </div>
  );
}
