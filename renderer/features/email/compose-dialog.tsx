// Compose an email to one customer from a template: pick the template and language, read the preview,
// then send it through SMTP or open it in the user's mail client (copied instead when too long for a link).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/domain/customer';
import type { EmailPreview as Preview, SendResult } from '../../../shared/email/email-messages';
import {
  emailTemplateKinds,
  type EmailLanguageCode,
  type EmailTemplateKind,
} from '../../../shared/email/email-template';
import { call, errorMessage } from '../../api/authdesk-client';
import { Dialog } from '../../components/dialog';
import { useAppStore } from '../../store/app-store';
import { EmailPreview } from './email-preview';
import { useEmailLanguages } from './email-languages';
import { newRequestId } from './use-operation-progress';
import { translateMessage } from '../../i18n/translate-message';

export function defaultTemplateFor(customer: Customer): EmailTemplateKind {
  if (customer.status === 'authorized' || customer.status === 'checked-out') return 'thank-you';
  if (customer.status === 'needs-attention') return 'partial-acceptance';
  return customer.status === 'link-ready' ? 'invitation' : 'reminder';
}

interface ComposeProps {
  customer: Customer;
  open: boolean;
  onClose: () => void;
  smtpConfigured: boolean;
}

export function ComposeDialog({ customer, open, onClose, smtpConfigured }: ComposeProps) {
  const { t } = useTranslation(['email', 'domain']);
  const showDetail = useAppStore((state) => state.showDetail);
  const notify = useAppStore((state) => state.notify);
  const [template, setTemplate] = useState<EmailTemplateKind>(defaultTemplateFor(customer));
  const [language, setLanguage] = useState<EmailLanguageCode | null>(null);
  const languages = useEmailLanguages();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [result, setResult] = useState<SendResult | null>(null);
  const [busy, setBusy] = useState(false);
  // One id per composed message: a double click on Send reuses it, so main sends it once.
  const requestId = useRef(newRequestId());

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    call('previewEmail', { customerId: customer.id, template, language })
      .then((value) => {
        if (cancelled) return;
        setPreview(value);
        setPreviewError(null);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setPreview(null);
        setPreviewError(errorMessage(error));
      });
    return () => {
      cancelled = true;
    };
  }, [open, customer.id, template, language]);

  // A different message: a new request id, so it is not taken for the one already sent.
  const changeMessage = () => {
    requestId.current = newRequestId();
    setResult(null);
  };

  const sendSmtp = async () => {
    setBusy(true);
    try {
      const answer = await call('sendEmail', {
        customerId: customer.id,
        template,
        language,
        requestId: requestId.current,
      });
      showDetail(answer.detail);
      setResult(answer.result);
      notify(answer.result.outcome === 'sent' ? 'success' : 'error', translateMessage(answer.result.message));
      if (answer.result.outcome === 'sent') onClose();
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const openMailClient = async () => {
    setBusy(true);
    try {
      const answer = await call('openEmailInMailClient', { customerId: customer.id, template, language });
      if (answer.opened) {
        showDetail(answer.detail);
        notify('success', t('compose.opened'));
        onClose();
        return;
      }
      // Long mailto: links get cut off by mail clients: hand over the full text through the clipboard.
      await navigator.clipboard.writeText(
        `${t('compose.clipboardSubject', { subject: answer.preview.subject })}\n\n${answer.preview.text}`,
      );
      showDetail(await call('recordEmailCopied', { customerId: customer.id, template, language }));
      notify('info', t('compose.copied'));
    } catch (error) {
      notify('error', errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('compose.title', { company: customer.companyName })} open={open} onClose={onClose} wide>
      <div className="email-compose">
        <div className="field-row">
          <div className="field">
            <label htmlFor="compose-template">{t('compose.template')}</label>
            <select
              id="compose-template"
              value={template}
              onChange={(event) => {
                changeMessage();
                setTemplate(event.target.value as EmailTemplateKind);
              }}
            >
              {emailTemplateKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`domain:emailKind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="compose-language">{t('compose.language')}</label>
            <select
              id="compose-language"
              value={language ?? ''}
              onChange={(event) => {
                changeMessage();
                setLanguage(event.target.value === '' ? null : event.target.value);
              }}
            >
              <option value="">
                {preview
                  ? t('compose.customerLanguageIs', { language: preview.languageName })
                  : t('compose.customerLanguage')}
              </option>
              {languages.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        {previewError && (
          <p className="warning" role="alert">
            {previewError}
          </p>
        )}
        {preview && <EmailPreview to={preview.to} subject={preview.subject} text={preview.text} html={preview.html} />}
        {preview?.mailtoTooLong && <p className="field-hint">{t('compose.tooLong')}</p>}
        {result && result.outcome !== 'sent' && (
          <p className="warning" role="alert">
            {translateMessage(result.message)}
          </p>
        )}
        {!smtpConfigured && <p className="field-hint">{t('compose.noSmtp')}</p>}
        <div className="form-actions">
          <button type="button" disabled={busy || !preview} onClick={() => void openMailClient()}>
            {t('compose.openMailClient')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || !preview || !smtpConfigured}
            onClick={() => void sendSmtp()}
          >
            {t('compose.sendSmtp')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
