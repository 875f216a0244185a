// One line for the history about a verification, naming each part that passed or is missing, such as
// "Verification: reseller relationship accepted, delegated admin missing".
import type { VerificationCheckId, VerificationResult } from '../../../shared/domain/verification';

const partNames: Record<VerificationCheckId, { passed: string; missing: string; unknown: string }> = {
  'customer-relationship': {
    passed: 'reseller relationship accepted',
    missing: 'reseller relationship not accepted',
    unknown: 'reseller relationship not checked',
  },
  'reseller-associated': {
    passed: 'reseller associated',
    missing: 'reseller not associated',
    unknown: 'reseller association not checked',
  },
  'delegated-admin': {
    passed: 'delegated admin granted',
    missing: 'delegated admin missing',
    unknown: 'delegated admin not checked',
  },
};

export function verificationEventSummary(result: VerificationResult): string {
  if (result.outcome === 'authorized') {
    return `Verification passed for ${result.defaultDomain}: authorized, checkout open`;
  }
  if (result.outcome === 'not-authorized' && result.domainIsTenant === false) {
    return `Verification: ${result.defaultDomain} is not a Microsoft 365 tenant`;
  }
  const relationship = result.checks.find((check) => check.id === 'customer-relationship');
  if (result.outcome === 'not-authorized' && relationship?.state === 'failed') {
    return `Verification: ${result.defaultDomain} has not accepted the invitation yet`;
  }
  const parts = result.checks
    .filter((check) => check.state !== 'not-required')
    .map((check) => {
      const names = partNames[check.id];
      return check.state === 'passed' ? names.passed : check.state === 'failed' ? names.missing : names.unknown;
    });
  return `Verification: ${parts.join(', ')}`;
}
