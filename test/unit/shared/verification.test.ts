import { describe, expect, it } from 'vitest';
import { outcomeOf, summarizeVerification, type VerificationCheck } from '../../../shared/domain/verification';

const check = (
  id: VerificationCheck['id'],
  state: VerificationCheck['state'],
  message = `${id} ${state}`,
): VerificationCheck => ({
  id,
  label: id,
  state,
  message,
});

describe('verification outcome', () => {
  it('is authorized when every required check passed', () => {
    expect(
      outcomeOf([
        check('customer-relationship', 'passed'),
        check('reseller-associated', 'not-required'),
        check('delegated-admin', 'passed'),
      ]),
    ).toBe('authorized');
  });
  it('is partial when the customer is ours but a required part is missing', () => {
    expect(
      outcomeOf([
        check('customer-relationship', 'passed'),
        check('reseller-associated', 'failed'),
        check('delegated-admin', 'passed'),
      ]),
    ).toBe('partial');
  });
  it('is not-authorized when the customer is not found as ours', () => {
    expect(
      outcomeOf([
        check('customer-relationship', 'failed'),
        check('reseller-associated', 'failed'),
        check('delegated-admin', 'failed'),
      ]),
    ).toBe('not-authorized');
  });
  it('is unknown when a check could not run', () => {
    expect(outcomeOf([check('customer-relationship', 'passed'), check('delegated-admin', 'unknown')])).toBe('unknown');
  });
  it('names exactly the missing parts in its summary, and only them', () => {
    const checks = [
      check('customer-relationship', 'passed', 'found'),
      check('reseller-associated', 'failed', 'Reseller 4391507 is not associated.'),
      check('delegated-admin', 'failed', 'Delegated admin was not granted.'),
    ];
    const summary = summarizeVerification({
      outcome: outcomeOf(checks),
      defaultDomain: 'adatum.com',
      customerTenantId: 'x',
      checks,
      checkedAt: '2026-01-01T00:00:00Z',
    });
    expect(summary).toBe('The authorization is not complete yet. Missing: reseller-associated; delegated-admin.');
  });
});

describe('verification outcome when the customer is not found', () => {
  it('is not-authorized even though the checks that wait for the customer are unknown', () => {
    expect(
      outcomeOf([
        check('customer-relationship', 'failed'),
        check('reseller-associated', 'unknown'),
        check('delegated-admin', 'unknown'),
      ]),
    ).toBe('not-authorized');
  });
});
