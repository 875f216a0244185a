// Template rendering: every placeholder filled in both parts, HTML escaped (values and template text), the link
// an anchor only when it is http(s), unknown or unclosed placeholders refused with a message naming them.
import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../../../shared/email/default-templates';
import { emailLanguages, emailTemplateKinds, placeholderNames } from '../../../../shared/email/email-template';
import { placeholderValues } from '../../../../shared/email/placeholder-values';
import { renderEmail, validateTemplate } from '../../../../shared/email/render-template';
import { sampleCustomer } from '../../../support/sample-customer';

const link =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=abc&msppId=0&DAP=true#/BillingAccounts/partner-invitation';
const profile = {
  role: 'indirect-provider' as const,
  organizationName: 'Contoso Distribution',
  partnerTenantId: '0d9b2d24-6c1f-4a51-9b4a-3f6d5e2f1a01',
  requireBillingAddress: false,
};

describe('renderEmail', () => {
  it('fills every placeholder of every shipped template in both parts', () => {
    const customer = sampleCustomer({
      contactName: 'Jürgen Müller-Lüdenscheidt',
      companyName: 'Bäckerei Größe & Söhne',
    });
    for (const language of emailLanguages) {
      for (const kind of emailTemplateKinds) {
        const rendered = renderEmail(
          defaultTemplate(kind, language),
          placeholderValues(customer, profile, link, language),
        );
        expect(rendered.text, `${kind}/${language}`).not.toMatch(/\{\{|\}\}/);
        expect(rendered.text).toContain('Jürgen Müller-Lüdenscheidt');
        expect(rendered.html).toContain('Bäckerei Größe &amp; Söhne');
        expect(rendered.subject).not.toMatch(/\n/);
        if (kind !== 'thank-you') {
          expect(rendered.text).toContain(link);
          expect(rendered.html).toContain(`<a href="${link.replace(/&/g, '&amp;')}">`);
        }
      }
    }
  });

  it('writes the instructions in the message language, including that a Global administrator must accept', () => {
    const customer = sampleCustomer();
    const english = renderEmail(defaultTemplate('invitation', 'en'), placeholderValues(customer, profile, link, 'en'));
    const german = renderEmail(defaultTemplate('invitation', 'de'), placeholderValues(customer, profile, link, 'de'));
    expect(english.text).toContain('Global administrator');
    expect(english.subject).toBe('Please authorize Fabrikam IT Services for your Microsoft 365 order');
    expect(german.text).toContain('globaler Administrator');
    expect(german.text).toContain('Guten Tag Anna Bell,');
    expect(german.subject).toBe('Bitte autorisieren Sie Fabrikam IT Services für Ihre Microsoft 365-Bestellung');
  });

  it('escapes values and template text in HTML and never links a non-http value', () => {
    const values = Object.fromEntries(placeholderNames.map((name) => [name, `<b>${name}</b>`])) as Record<
      (typeof placeholderNames)[number],
      string
    >;
    values.link = 'javascript:alert("x")';
    const rendered = renderEmail(
      { subject: 'Hi {{companyName}}', body: '<i>Hello</i> {{contactName}}\n\n{{link}}' },
      values,
    );
    expect(rendered.html).toContain('&lt;i&gt;Hello&lt;/i&gt; &lt;b&gt;contactName&lt;/b&gt;');
    expect(rendered.html).not.toContain('<a ');
    expect(rendered.html).toContain('javascript:alert(&quot;x&quot;)');
    expect(rendered.html).toMatch(/<p>.*contactName.*<\/p>\n<p>javascript/s);
    // Plain text keeps the values as typed.
    expect(rendered.text).toBe('<i>Hello</i> <b>contactName</b>\n\njavascript:alert("x")');
    expect(rendered.subject).toBe('Hi <b>companyName</b>');
  });

  it('keeps the subject on one line whatever a value holds', () => {
    const values = placeholderValues(sampleCustomer({ companyName: 'Evil\r\nBcc: x@y.z' }), profile, link, 'en');
    expect(renderEmail({ subject: 'For {{companyName}}', body: 'x' }, values).subject).toBe('For Evil Bcc: x@y.z');
  });

  it('accepts spaces inside the braces', () => {
    const values = placeholderValues(sampleCustomer(), profile, link, 'en');
    expect(renderEmail({ subject: '{{ companyName }}', body: 'x' }, values).subject).toBe('Litware Inc');
  });
});

describe('validateTemplate', () => {
  it('names unknown placeholders and lists the known ones', () => {
    const problems = validateTemplate({
      subject: 'Hello {{contactNme}}',
      body: 'Go to {{url}} and {{link}} {{ foo }}',
    });
    expect(problems.subject).toContain('Unknown placeholder {{contactNme}} in the subject');
    expect(problems.subject).toContain('{{contactName}}');
    expect(problems.body).toContain('Unknown placeholders {{url}}, {{foo}} in the body');
    expect(() =>
      renderEmail({ subject: 'x', body: '{{url}}' }, placeholderValues(sampleCustomer(), profile, link, 'en')),
    ).toThrow(/Unknown placeholder \{\{url\}\}/);
  });

  it('refuses an unclosed placeholder', () => {
    expect(validateTemplate({ subject: 'x', body: 'Open {{link} now' }).body).toMatch(/unclosed placeholder/);
    expect(validateTemplate({ subject: 'x', body: 'Open {{link}} now' })).toEqual({});
  });
});
