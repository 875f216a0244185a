// A rendered message as the customer will see it: recipient, subject, and the plain-text or HTML part
// (the HTML in a sandboxed frame: no scripts, no navigation, nothing reaches the app).
import { useState } from 'react';

interface PreviewProps {
  to?: string;
  subject: string;
  text: string;
  html: string;
}

export function EmailPreview({ to, subject, text, html }: PreviewProps) {
  const [part, setPart] = useState<'text' | 'html'>('text');
  return (
    <div className="email-preview" aria-label="Preview">
      <dl className="email-preview-headers">
        {to !== undefined && (
          <>
            <dt>To</dt>
            <dd>{to}</dd>
          </>
        )}
        <dt>Subject</dt>
        <dd data-testid="preview-subject">{subject}</dd>
      </dl>
      <div className="email-preview-tabs" role="group" aria-label="Message part">
        <button type="button" aria-pressed={part === 'text'} onClick={() => setPart('text')}>
          Plain text
        </button>
        <button type="button" aria-pressed={part === 'html'} onClick={() => setPart('html')}>
          HTML
        </button>
      </div>
      {part === 'text' ? (
        <pre className="email-preview-text" data-testid="preview-text">
          {text}
        </pre>
      ) : (
        <iframe className="email-preview-html" title="HTML preview" sandbox="" srcDoc={html} />
      )}
    </div>
  );
}
