// The emails in every shipped language: each template renders with only known placeholders, no braces left and
// the link in it (the thank-you needs none); the GDAP paragraph appears with its link when a request waits and
// leaves no gap when none does; a language of the user's own starts from English; and the customer's language
// comes from their choice, then a country domain that says it clearly, then the default.
import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../../../shared/email/default-templates';
import {
  countryDomainLanguages,
  languageOfEmailDomain,
  resolveEmailLanguage,
} from '../../../../shared/email/email-language';
import {
  emailLanguageCodeSchema,
  emailLanguages,
  emailTemplateKinds,
  placeholderNames,
} from '../../../../shared/email/email-template';
import { placeholderValues } from '../../../../shared/email/placeholder-values';
import { renderEmail, validateTemplate } from '../../../../shared/email/render-template';
import { sampleCustomer } from '../../../support/sample-customer';

const link =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=abc&msppId=0&DAP=true#/BillingAccounts/partner-invitation';
const gdapLink =
  'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/11111111-2222-3333-4444-555555555555';
const profile = {
  role: 'indirect-provider' as const,
  organizationName: 'Contoso Distribution',
  partnerTenantId: '0d9b2d24-6c1f-4a51-9b4a-3f6d5e2f1a01',
  requireBillingAddress: false,
};
const tokens = (text: string) => [...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((match) => match[1]);

describe('shipped templates in every language', () => {
  it('ships all four kinds in all nine languages, each different from English except English', () => {
    expect([...emailLanguages]).toEqual(['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'el']);
    for (const language of emailLanguages) {
      for (const kind of emailTemplateKinds) {
        const template = defaultTemplate(kind, language);
        expect(template.language).toBe(language);
        if (language !== 'en') {
          expect(template.subject, `${kind}/${language}`).not.toBe(defaultTemplate(kind, 'en').subject);
          expect(template.body, `${kind}/${language}`).not.toBe(defaultTemplate(kind, 'en').body);
        }
      }
    }
  });

  it('uses only known placeholders, and carries the link (in the instructions or on its own)', () => {
    for (const language of emailLanguages) {
      for (const kind of emailTemplateKinds) {
        const template = defaultTemplate(kind, language);
        expect(validateTemplate(template), `${kind}/${language}`).toEqual({});
        for (const name of [...tokens(template.subject), ...tokens(template.body)]) {
          expect(placeholderNames, `${kind}/${language}`).toContain(name);
        }
        if (kind !== 'thank-you') {
          expect(
            template.body.includes('{{link}}') || template.body.includes('{{instructions}}'),
            `${kind}/${language}`,
          ).toBe(true);
        }
        if (kind === 'invitation' || kind === 'reminder') expect(template.body).toContain('{{gdapInstructions}}');
      }
    }
  });

  it('renders with no braces left, the link in text and HTML, and no double blank lines', () => {
    const customer = sampleCustomer({ contactName: 'Ελένη Παπαδοπούλου', companyName: 'Αφοί Παπαδόπουλοι Α.Ε.' });
    for (const language of emailLanguages) {
      for (const kind of emailTemplateKinds) {
        for (const gdap of [null, { link: gdapLink }]) {
          const rendered = renderEmail(
            defaultTemplate(kind, language),
            placeholderValues(customer, profile, link, language, gdap),
          );
          const where = `${kind}/${language}/${gdap ? 'gdap' : 'no gdap'}`;
          expect(rendered.subject, where).not.toMatch(/\{|\}|\n/);
          expect(rendered.text, where).not.toMatch(/\{|\}/);
          expect(rendered.html, where).not.toMatch(/\{\{|\}\}/);
          expect(rendered.text, where).not.toMatch(/\n\s*\n\s*\n/);
          expect(rendered.text, where).toContain('Ελένη Παπαδοπούλου');
          if (kind !== 'thank-you') {
            expect(rendered.text, where).toContain(link);
            expect(rendered.html, where).toContain(`<a href="${link.replace(/&/g, '&amp;')}">`);
          }
        }
      }
    }
  });

  it('writes the instructions and the missing parts in the message’s language', () => {
    const customer = sampleCustomer({
      lastVerification: {
        verifiedAt: '2026-01-01T00:00:00.000Z',
        defaultDomain: 'contoso.onmicrosoft.com',
        complete: false,
        checks: [{ id: 'delegated-admin', label: 'Delegated admin', state: 'failed', detail: '' }],
      },
    } as never);
    const expected: Record<string, [string, string]> = {
      fr: ['Centre d’administration Microsoft 365', 'Accorder les droits d’administration'],
      es: ['Centro de administración de Microsoft 365', 'Conceder derechos de administración'],
      it: ['interfaccia di amministrazione di Microsoft 365', 'Concedere i diritti di amministrazione'],
      nl: ['Microsoft 365-beheercentrum', 'Beheerdersrechten verlenen'],
      pt: ['Centro de administração do Microsoft 365', 'Conceder direitos de administração'],
      pl: ['centrum administracyjnym platformy Microsoft 365', 'Przyznać uprawnienia administracyjne'],
      el: ['Κέντρο διαχείρισης του Microsoft 365', 'Παραχώρηση δικαιωμάτων διαχείρισης'],
    };
    for (const [language, [adminCenter, missing]] of Object.entries(expected)) {
      const values = placeholderValues(customer, profile, link, language);
      expect(values.instructions, language).toContain(adminCenter);
      expect(values.instructions, language).toContain(link);
      expect(values.missingParts, language).toContain(missing);
    }
  });
});

describe('the GDAP placeholders', () => {
  it('are empty without a pending request, and the line they stand on goes with no gap', () => {
    const values = placeholderValues(sampleCustomer(), profile, link, 'en');
    expect(values.gdapLink).toBe('');
    expect(values.gdapInstructions).toBe('');
    const rendered = renderEmail({ subject: 'S', body: 'Hello,\n\n{{gdapInstructions}}\n\nBye' }, values);
    expect(rendered.text).toBe('Hello,\n\nBye');
    expect(renderEmail({ subject: 'S', body: 'A\n{{gdapInstructions}}\nB' }, values).text).toBe('A\nB');
    expect(renderEmail({ subject: 'S', body: 'A\n\n{{gdapInstructions}}' }, values).text).toBe('A');
    expect(renderEmail({ subject: 'S', body: '{{gdapInstructions}}\n\nA' }, values).text).toBe('A');
    // Within a line it is simply empty.
    expect(renderEmail({ subject: 'S', body: 'GDAP: {{gdapLink}}.' }, values).text).toBe('GDAP: .');
  });

  it('carry the approval link beside the reseller link, both clickable, in every language', () => {
    for (const language of emailLanguages) {
      const values = placeholderValues(sampleCustomer(), profile, link, language, { link: gdapLink });
      expect(values.gdapLink).toBe(gdapLink);
      expect(values.gdapInstructions, language).toContain('GDAP');
      expect(values.gdapInstructions, language).toContain(gdapLink);
      const rendered = renderEmail(defaultTemplate('invitation', language), values);
      expect(rendered.text).toContain(link);
      expect(rendered.text).toContain(gdapLink);
      expect(rendered.html).toContain(`<a href="${gdapLink}">${gdapLink}</a>`);
      expect(rendered.html).toContain(`<a href="${link.replace(/&/g, '&amp;')}">`);
    }
    const own = renderEmail(
      { subject: 'S', body: 'Reseller: {{link}}\nGDAP: {{gdapLink}}' },
      placeholderValues(sampleCustomer(), profile, link, 'en', { link: gdapLink }),
    );
    expect(own.text).toBe(`Reseller: ${link}\nGDAP: ${gdapLink}`);
  });
});

describe('a language of the user’s own', () => {
  it('starts from the English templates under its own code, with English generated blocks', () => {
    for (const kind of emailTemplateKinds) {
      const template = defaultTemplate(kind, 'sv');
      expect(template.language).toBe('sv');
      expect(template.body).toBe(defaultTemplate(kind, 'en').body);
    }
    expect(placeholderValues(sampleCustomer(), profile, link, 'sv').instructions).toBe(
      placeholderValues(sampleCustomer(), profile, link, 'en').instructions,
    );
  });

  it('takes BCP 47 codes and refuses anything else', () => {
    for (const code of ['sv', 'cs', 'pt-BR', 'zh-Hant-TW', 'fil'])
      expect(emailLanguageCodeSchema.safeParse(code).success).toBe(true);
    for (const code of ['', 's', 'swedish', 'sv_SE', 'sv-', '../x', 'sv se']) {
      expect(emailLanguageCodeSchema.safeParse(code).success, code).toBe(false);
    }
  });
});

describe('the customer’s language', () => {
  it('comes from a country domain only where the country writes one language', () => {
    const cases: Record<string, string | null> = {
      'eleni@papadopouloi.gr': 'el',
      'a@firma.de': 'de',
      'a@firma.co.at': 'de',
      'a@societe.fr': 'fr',
      'a@empresa.es': 'es',
      'a@azienda.it': 'it',
      'a@bedrijf.nl': 'nl',
      'a@empresa.pt': 'pt',
      'a@empresa.com.br': 'pt',
      'a@firma.pl': 'pl',
      'A@FIRMA.DE': 'de',
      'a@firma.ch': null,
      'a@firma.be': null,
      'a@firma.lu': null,
      'a@firma.ca': null,
      'a@etairia.com.cy': null,
      'a@firma.com': null,
      'a@firma.eu': null,
      'a@firma.io': null,
      'a@localhost': null,
      'not an address': null,
    };
    for (const [email, language] of Object.entries(cases)) {
      expect(languageOfEmailDomain(email)?.language ?? null, email).toBe(language);
    }
    expect(languageOfEmailDomain('eleni@papadopouloi.gr')).toEqual({ language: 'el', tld: 'gr' });
    // Inherited object keys are not domains.
    expect(languageOfEmailDomain('a@b.constructor')).toBeNull();
    expect(
      Object.values(countryDomainLanguages).every((code) => (emailLanguages as readonly string[]).includes(code)),
    ).toBe(true);
  });

  it('is the customer’s own choice, else the domain’s, else the default; a removed language is passed over', () => {
    const available = (code: string) => ['en', 'de', 'el', 'sv'].includes(code);
    expect(resolveEmailLanguage({ choice: 'sv', contactEmail: 'a@b.gr', defaultLanguage: 'de', available })).toEqual({
      language: 'sv',
      source: 'customer',
      tld: null,
    });
    expect(resolveEmailLanguage({ choice: null, contactEmail: 'a@b.gr', defaultLanguage: 'de', available })).toEqual({
      language: 'el',
      source: 'domain',
      tld: 'gr',
    });
    expect(resolveEmailLanguage({ choice: null, contactEmail: 'a@b.com', defaultLanguage: 'de', available })).toEqual({
      language: 'de',
      source: 'default',
      tld: null,
    });
    expect(resolveEmailLanguage({ choice: 'cs', contactEmail: 'a@b.ch', defaultLanguage: 'en', available })).toEqual({
      language: 'en',
      source: 'default',
      tld: null,
    });
  });
});
