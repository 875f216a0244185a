import { describe, expect, it } from 'vitest';
import { countryCodes, countryName, countryOptions, resolveCountry } from '../../../shared/domain/countries';
import { billingAddressSchema } from '../../../shared/domain/customer';

describe('countries', () => {
  it('knows the countries and names them in a language', () => {
    expect(countryCodes).toContain('AT');
    expect(countryCodes).toContain('GR');
    expect(countryCodes).not.toContain('EU');
    expect(countryName('AT', 'de')).toBe('Österreich');
    expect(countryName('GR', 'el')).toBe('Ελλάδα');
    expect(countryOptions('en').find((option) => option.code === 'AU')?.name).toBe('Australia');
  });

  it('reads a code, a name in the language or in English, or the picker label, never truncating', () => {
    expect(resolveCountry('Austria')).toBe('AT');
    expect(resolveCountry('austria ')).toBe('AT');
    expect(resolveCountry('Österreich', 'de')).toBe('AT');
    expect(resolveCountry('osterreich', 'de')).toBe('AT');
    expect(resolveCountry('Ελλάδα', 'el')).toBe('GR');
    expect(resolveCountry('Austria (AT)')).toBe('AT');
    expect(resolveCountry('au')).toBe('AU');
    expect(resolveCountry('Atlantis')).toBeNull();
    expect(resolveCountry('')).toBeNull();
  });

  it('stores the code in a billing address, and refuses what names no country', () => {
    const address = { addressLine1: 'Ring 1', city: 'Wien', postalCode: '1010' };
    expect(billingAddressSchema.parse({ ...address, country: 'Austria' }).country).toBe('AT');
    expect(billingAddressSchema.parse({ ...address, country: 'gb' }).country).toBe('GB');
    const refused = billingAddressSchema.safeParse({ ...address, country: 'Atlantis' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(
      'Choose the country from the list: its name or two-letter code, such as Austria or AT.',
    );
  });
});
