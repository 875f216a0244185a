// The templates AuthDesk ships, per kind and language. The user's edits (stored in SQLite) replace these;
// "Reset" brings them back.
import type { EmailLanguage, EmailTemplate, EmailTemplateKind } from './email-template';

type Texts = Pick<EmailTemplate, 'subject' | 'body'>;

const english: Record<EmailTemplateKind, Texts> = {
  invitation: {
    subject: 'Please authorize {{resellerName}} for your Microsoft 365 order',
    body: [
      'Hello {{contactName}},',
      '',
      'To complete the Microsoft 365 order for {{companyName}} ({{defaultDomain}}), one step is needed on your side.',
      '',
      '{{instructions}}',
      '',
      'Please let us know once you have accepted, and we will complete your order.',
      '',
      'Kind regards,',
      '{{resellerName}}',
    ].join('\n'),
  },
  reminder: {
    subject: 'Reminder: your Microsoft 365 order for {{companyName}} is waiting for your authorization',
    body: [
      'Hello {{contactName}},',
      '',
      'A quick reminder: we cannot place the Microsoft 365 order for {{companyName}} until a Global administrator of {{defaultDomain}} accepts our request.',
      '',
      'It takes about a minute. Sign in as a Global administrator and open:',
      '{{link}}',
      '',
      'If you have already accepted, thank you, and please ignore this message.',
      '',
      'Kind regards,',
      '{{resellerName}}',
    ].join('\n'),
  },
  'partial-acceptance': {
    subject: 'One more step for {{companyName}}: part of the authorization is still missing',
    body: [
      'Hello {{contactName}},',
      '',
      'Thank you for accepting our request for {{defaultDomain}}. Microsoft shows that part of it is still missing:',
      '',
      '{{missingParts}}',
      '',
      'A Global administrator of {{defaultDomain}} can finish it by signing in and opening:',
      '{{link}}',
      '',
      'Once that is done, we will complete the Microsoft 365 order for {{companyName}}.',
      '',
      'Kind regards,',
      '{{resellerName}}',
    ].join('\n'),
  },
  'thank-you': {
    subject: 'Thank you: {{companyName}} has authorized {{resellerName}}',
    body: [
      'Hello {{contactName}},',
      '',
      'Thank you for accepting the authorization for {{defaultDomain}}. We can now complete the Microsoft 365 order for {{companyName}} and will confirm it shortly.',
      '',
      'Kind regards,',
      '{{resellerName}}',
    ].join('\n'),
  },
};

const german: Record<EmailTemplateKind, Texts> = {
  invitation: {
    subject: 'Bitte autorisieren Sie {{resellerName}} für Ihre Microsoft 365-Bestellung',
    body: [
      'Guten Tag {{contactName}},',
      '',
      'um die Microsoft 365-Bestellung für {{companyName}} ({{defaultDomain}}) abzuschließen, ist ein Schritt auf Ihrer Seite nötig.',
      '',
      '{{instructions}}',
      '',
      'Bitte geben Sie uns Bescheid, sobald Sie zugestimmt haben; dann schließen wir Ihre Bestellung ab.',
      '',
      'Mit freundlichen Grüßen',
      '{{resellerName}}',
    ].join('\n'),
  },
  reminder: {
    subject: 'Erinnerung: Ihre Microsoft 365-Bestellung für {{companyName}} wartet auf Ihre Autorisierung',
    body: [
      'Guten Tag {{contactName}},',
      '',
      'eine kurze Erinnerung: Wir können die Microsoft 365-Bestellung für {{companyName}} erst aufgeben, wenn ein globaler Administrator von {{defaultDomain}} unserer Anfrage zustimmt.',
      '',
      'Das dauert etwa eine Minute. Melden Sie sich als globaler Administrator an und öffnen Sie:',
      '{{link}}',
      '',
      'Falls Sie bereits zugestimmt haben: vielen Dank, dann betrachten Sie diese Nachricht bitte als gegenstandslos.',
      '',
      'Mit freundlichen Grüßen',
      '{{resellerName}}',
    ].join('\n'),
  },
  'partial-acceptance': {
    subject: 'Ein Schritt fehlt noch für {{companyName}}: die Autorisierung ist noch nicht vollständig',
    body: [
      'Guten Tag {{contactName}},',
      '',
      'vielen Dank, dass Sie unsere Anfrage für {{defaultDomain}} angenommen haben. Laut Microsoft fehlt noch Folgendes:',
      '',
      '{{missingParts}}',
      '',
      'Ein globaler Administrator von {{defaultDomain}} kann dies abschließen, indem er sich anmeldet und diesen Link öffnet:',
      '{{link}}',
      '',
      'Sobald das erledigt ist, schließen wir die Microsoft 365-Bestellung für {{companyName}} ab.',
      '',
      'Mit freundlichen Grüßen',
      '{{resellerName}}',
    ].join('\n'),
  },
  'thank-you': {
    subject: 'Vielen Dank: {{companyName}} hat {{resellerName}} autorisiert',
    body: [
      'Guten Tag {{contactName}},',
      '',
      'vielen Dank für Ihre Zustimmung für {{defaultDomain}}. Wir können die Microsoft 365-Bestellung für {{companyName}} jetzt abschließen und bestätigen sie Ihnen in Kürze.',
      '',
      'Mit freundlichen Grüßen',
      '{{resellerName}}',
    ].join('\n'),
  },
};

const defaults: Record<EmailLanguage, Record<EmailTemplateKind, Texts>> = { en: english, de: german };

export function defaultTemplate(kind: EmailTemplateKind, language: EmailLanguage): EmailTemplate {
  return { kind, language, ...defaults[language][kind] };
}
