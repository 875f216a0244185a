// The outcome of "Verify Authorization": each check on its own, so the user knows exactly what is missing.
// Note: 'customer-relationship' also fails when the domain is no Microsoft 365 tenant at all (found through the
// public OpenID configuration); the result's domainIsTenant is then false, so the wording can say so.
import { z } from 'zod';

export const verificationCheckIds = ['customer-relationship', 'reseller-associated', 'delegated-admin'] as const;
export type VerificationCheckId = (typeof verificationCheckIds)[number];

export const checkStates = ['passed', 'failed', 'unknown', 'not-required'] as const;
export type CheckState = (typeof checkStates)[number];

export const verificationCheckSchema = z.object({
  id: z.enum(verificationCheckIds),
  label: z.string(),
  state: z.enum(checkStates),
  message: z.string(),
  // The same label and message as catalog keys with their values, so each screen says them in its own
  // language; the English text above stays for the CLI, the logs and results stored before keys existed.
  labelKey: z.string().optional(),
  messageKey: z.string().optional(),
  params: z.record(z.string(), z.string()).optional(),
});
export type VerificationCheck = z.infer<typeof verificationCheckSchema>;

export const verificationOutcomes = ['authorized', 'partial', 'not-authorized', 'unknown'] as const;
export type VerificationOutcome = (typeof verificationOutcomes)[number];

export const verificationResultSchema = z.object({
  outcome: z.enum(verificationOutcomes),
  defaultDomain: z.string(),
  customerTenantId: z.string().nullable(),
  checks: z.array(verificationCheckSchema),
  checkedAt: z.string(),
  // false when Microsoft's sign-in service knows no tenant with this domain; absent when it was not asked.
  domainIsTenant: z.boolean().optional(),
});
export type VerificationResult = z.infer<typeof verificationResultSchema>;

// authorized: every required check passed. partial: the customer accepted something (found as our customer)
// but a required part is missing. not-authorized: not found as our customer. unknown: a check could not run.
export function outcomeOf(checks: readonly VerificationCheck[]): VerificationOutcome {
  const required = checks.filter((check) => check.state !== 'not-required');
  if (required.every((check) => check.state === 'passed')) return 'authorized';
  // Not found as our customer settles it: the later checks could not even run.
  const relationship = checks.find((check) => check.id === 'customer-relationship');
  if (relationship?.state === 'failed') return 'not-authorized';
  if (required.some((check) => check.state === 'unknown')) return 'unknown';
  return 'partial';
}

// One sentence for the user naming the missing parts; each check's own message says what to do about it.
export function summarizeVerification(result: VerificationResult): string {
  if (result.outcome === 'authorized') return `Authorization verified for ${result.defaultDomain}. Checkout is open.`;
  if (result.outcome === 'not-authorized' && result.domainIsTenant === false) {
    return `${result.defaultDomain} is not a Microsoft 365 tenant: check the domain with the customer.`;
  }
  if (result.outcome === 'not-authorized') {
    return `The authorization is not complete yet: ${result.defaultDomain} has not accepted the invitation.`;
  }
  const missing = result.checks.filter((check) => check.state === 'failed' || check.state === 'unknown');
  const lead =
    result.outcome === 'unknown'
      ? 'The authorization could not be fully checked'
      : 'The authorization is not complete yet';
  return `${lead}. Missing: ${missing.map((check) => check.label.toLowerCase()).join('; ')}.`;
}
