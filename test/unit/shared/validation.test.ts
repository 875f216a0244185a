import { describe, expect, it } from 'vitest';
import {
  domainPrefixSchema,
  domainNameSchema,
  emailSchema,
  singleLineText,
  mpnIdSchema,
  onMicrosoftDomain,
} from '../../../shared/domain/validation';
import { serviceDetailsSchema } from '../../../shared/domain/customer';

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : (result.error?.issues[0]?.message ?? null);

describe('field rules', () => {
  it('accepts a domain prefix of letters and digits and lower-cases it', () => {
    expect(domainPrefixSchema.parse(' Contoso365 ')).toBe('contoso365');
  });

  it.each([
    ['contoso.com', 'A domain prefix has only letters and digits'],
    ['con-toso', 'A domain prefix has only letters and digits'],
    ['', 'Enter the domain prefix'],
    ['a'.repeat(28), 'at most 27 characters'],
  ])('rejects the domain prefix %j with a clear message', (input, message) => {
    expect(firstMessage(domainPrefixSchema.safeParse(input))).toContain(message);
  });

  it('accepts full domains and rejects partial ones', () => {
    expect(domainNameSchema.parse('Contoso.COM')).toBe('contoso.com');
    expect(domainNameSchema.parse('contoso.onmicrosoft.com')).toBe('contoso.onmicrosoft.com');
    expect(firstMessage(domainNameSchema.safeParse('contoso'))).toContain('Enter a domain such as');
    expect(firstMessage(domainNameSchema.safeParse('-contoso.com'))).toContain('Enter a domain such as');
  });

  it('validates emails, including non-ASCII local parts, and rejects missing domains', () => {
    expect(emailSchema.parse(' tomás@tailwind.com ')).toBe('tomás@tailwind.com');
    expect(firstMessage(emailSchema.safeParse('anna@adatum'))).toBe(
      'Enter a valid email address such as anna@contoso.com.',
    );
    expect(firstMessage(emailSchema.safeParse('anna adatum@x.com'))).toBe(
      'Enter a valid email address such as anna@contoso.com.',
    );
  });

  it('refuses display names, comments, quotes, lists and dot tricks before the @', () => {
    for (const address of [
      'Anna <anna@litware.com>',
      '"anna"@litware.com',
      '(boss)anna@litware.com',
      'anna,bob@litware.com',
      'anna;bob@litware.com',
      'anna<bob@litware.com',
      'anna:bob@litware.com',
      'anna\\bob@litware.com',
      '.anna@litware.com',
      'anna.@litware.com',
      'an..na@litware.com',
      `${'a'.repeat(65)}@litware.com`,
    ]) {
      expect(emailSchema.safeParse(address).success, address).toBe(false);
    }
    for (const address of ["o'brien+crm@litware.com", 'anna.bell@mail.litware.co.uk', 'zoë@litware.com']) {
      expect(emailSchema.safeParse(address).success, address).toBe(true);
    }
  });

  it('keeps names and addresses on one line, without control characters', () => {
    const name = singleLineText('Enter the name.', 20);
    expect(name.parse('  Litware Inc ')).toBe('Litware Inc');
    for (const text of ['Litware\nInc', 'Lit\tware', 'Lit\u0000ware', 'Lit\rware', 'Lit\u007fware']) {
      expect(firstMessage(name.safeParse(text)), JSON.stringify(text)).toBe(
        'Use one line without tabs or control characters.',
      );
    }
    expect(firstMessage(name.safeParse('   '))).toBe('Enter the name.');
    expect(firstMessage(name.safeParse('x'.repeat(21)))).toBe('At most 20 characters.');
  });

  it('validates MPN IDs as digits', () => {
    expect(mpnIdSchema.parse('4391507')).toBe('4391507');
    expect(firstMessage(mpnIdSchema.safeParse('43A1507'))).toContain('An MPN ID is 4 to 10 digits');
  });

  it('builds the initial domain from the prefix', () => {
    expect(onMicrosoftDomain('Adatum')).toBe('adatum.onmicrosoft.com');
  });

  it('allows a blank reseller MPN ID (a warning is shown instead) but not a malformed one', () => {
    const base = {
      kind: 'indirect' as const,
      companyName: 'Adatum',
      contactName: 'Anna',
      contactEmail: 'anna@adatum.com',
      domainPrefix: 'adatum',
      ownsExistingTenant: true,
      includeDelegatedAdmin: true,
      billingAddress: null,
    };
    expect(serviceDetailsSchema.safeParse({ ...base, resellerMpnId: '' }).success).toBe(true);
    expect(serviceDetailsSchema.safeParse({ ...base, resellerMpnId: 'abc' }).success).toBe(false);
  });
});
