// The matcher behind translateMessage(): an English message from shared/ or main/ is worded from the
// 'messages' catalog, exactly or through its template's values; anything else passes through unchanged.
import { describe, expect, it } from 'vitest';
import { createMessageTranslator, templatePattern } from '../../../renderer/i18n/message-matcher';
import englishMessages from '../../../renderer/i18n/locales/en/messages.json';
import germanMessages from '../../../renderer/i18n/locales/de/messages.json';

const english = {
  field: { tooLong: 'At most {{max}} characters.', oneLine: 'Use one line without tabs or control characters.' },
  team: {
    noDatabase: 'There is no database named {{database}} on {{server}}.',
    answered: 'The team database answered: {{detail}}',
  },
  partnerCenter: {
    signInFailed: 'Signing in to Partner Center failed: {{detail}}',
    noAccount: 'The sign-in returned no account.',
  },
};
const german = {
  field: { tooLong: 'Höchstens {{max}} Zeichen.', oneLine: 'Eine Zeile ohne Tabulatoren oder Steuerzeichen.' },
  team: {
    noDatabase: 'Auf {{server}} gibt es keine Datenbank namens {{database}}.',
    answered: 'Die Teamdatenbank antwortete: {{detail}}',
  },
  partnerCenter: {
    signInFailed: 'Die Anmeldung bei Partner Center ist fehlgeschlagen: {{detail}}',
    noAccount: 'Die Anmeldung hat kein Konto geliefert.',
  },
};
const translate = createMessageTranslator(english, german);

describe('translate a message from shared/ or main/', () => {
  it('words a message without values by exact lookup', () => {
    expect(translate('Use one line without tabs or control characters.')).toBe(
      'Eine Zeile ohne Tabulatoren oder Steuerzeichen.',
    );
  });

  it('moves the values into the translated template, in its own order', () => {
    expect(translate('At most 1,000 characters.')).toBe('Höchstens 1,000 Zeichen.');
    expect(translate('There is no database named crm on db.contoso.com:5432.')).toBe(
      'Auf db.contoso.com:5432 gibt es keine Datenbank namens crm.',
    );
  });

  it('keeps values that hold regular-expression characters as they are', () => {
    expect(translate('There is no database named a.b*(c)+[d]$ on ^host?{1}|x\\y.')).toBe(
      'Auf ^host?{1}|x\\y gibt es keine Datenbank namens a.b*(c)+[d]$.',
    );
    expect(translate('The team database answered: $& $1 ${x}')).toBe('Die Teamdatenbank antwortete: $& $1 ${x}');
  });

  it('words a value that is itself a known message', () => {
    expect(translate('Signing in to Partner Center failed: The sign-in returned no account.')).toBe(
      'Die Anmeldung bei Partner Center ist fehlgeschlagen: Die Anmeldung hat kein Konto geliefert.',
    );
  });

  it('passes unknown messages through unchanged', () => {
    expect(translate('Something nobody wrote a translation for.')).toBe('Something nobody wrote a translation for.');
    expect(translate('At most 5 characters')).toBe('At most 5 characters');
    expect(translate('')).toBe('');
  });

  it('matches a template only as a whole message', () => {
    expect(templatePattern('At most {{max}} characters.').pattern.test('Note: At most 3 characters.')).toBe(false);
    expect(templatePattern('At most {{max}} characters.').names).toEqual(['max']);
  });

  it('falls back to English for a key the translated catalog lacks', () => {
    const partial = createMessageTranslator(english, { field: { oneLine: 'Eine Zeile.' } });
    expect(partial('At most 3 characters.')).toBe('At most 3 characters.');
    expect(partial('Use one line without tabs or control characters.')).toBe('Eine Zeile.');
  });

  it('words the real catalog: the new-customer form’s messages in German', () => {
    const real = createMessageTranslator(englishMessages, germanMessages);
    expect(real('Enter the customer’s company name.')).not.toBe('Enter the customer’s company name.');
    expect(
      real('Contoso Partner GmbH requires the billing address of indirect customers before a link is issued.'),
    ).toContain('Contoso Partner GmbH');
  });
});

describe('a CSV row’s problem, named by its field', () => {
  const catalog = { ...english, import: { labelledProblem: '{{label}}: {{problem}}' } };
  const french = {
    ...german,
    import: { labelledProblem: '{{label}} : {{problem}}' },
    field: { ...german.field, tooLong: '{{max}} caractères au maximum.' },
  };
  const translateRow = createMessageTranslator(catalog, french, { 'Company name': 'Raison sociale' });

  it('words the field and the problem when the field is known', () => {
    expect(translateRow('Company name: At most 200 characters.')).toBe('Raison sociale : 200 caractères au maximum.');
  });

  it('leaves other "a: b" messages alone', () => {
    expect(translateRow('Nickname: At most 200 characters.')).toBe('Nickname: At most 200 characters.');
  });
});
