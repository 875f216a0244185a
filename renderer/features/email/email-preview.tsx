// A rendered message as the customer will see it: recipient, subject, and the plain-text or HTML part
// (the HTML in a sandboxed frame: no scripts, no navigation, nothing reaches the app).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface PreviewProps {
  to?: string;
  subject: string;
  text: string;
  html: string;
}

export function EmailPreview({ to, subject, text, html }: PreviewProps) {
  const { t } = useTranslation('email');
  const [part, setPart] = useState<'text' | 'html'>('text');
  return (
    <div className="email-preview" aria-label={t('preview.label')}>
      <dl className="email-preview-headers">
        {to !== undefined && (
          <>
            <dt>{t('preview.to')}</dt>
            <dd>{to}</dd>
          </>
        )}
        <dt>{t('preview.subject')}</dt>
        <dd data-testid="preview-subject">{subject}</dd>
      </dl>
      <div className="email-preview-tabs" role="group" aria-label={t('preview.part')}>
        <button type="button" aria-pressed={part === 'text'} onClick={() => setPart('text')}>
          {t('preview.plainText')}
        </button>
        <button type="button" aria-pressed={part === 'html'} onClick={() => setPart('html')}>
          {t('preview.html')}
        </button>
      </div>
      {part === 'text' ? (
        <pre className="email-preview-text" data-testid="preview-text">
          {text}
        </pre>
      ) : (
        <iframe className="email-preview-html" title={t('preview.htmlFrame')} sandbox="" srcDoc={html} />
      )}
    </div>
  );
}
