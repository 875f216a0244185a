import { describe, expect, it } from 'vitest';
import { pickShippedLanguage } from '../../../shared/domain/languages';

describe('pickShippedLanguage', () => {
  it('takes the first preferred language AuthDesk ships, by its base code', () => {
    expect(pickShippedLanguage(['el-GR', 'en-US'])).toBe('el');
    expect(pickShippedLanguage(['de_AT'])).toBe('de');
    expect(pickShippedLanguage(['sv-SE', 'pt-BR', 'en'])).toBe('pt');
  });

  it('falls back to English when none is shipped', () => {
    expect(pickShippedLanguage(['sv-SE', 'fi'])).toBe('en');
    expect(pickShippedLanguage([])).toBe('en');
  });
});
