// "Test connection" in Settings › Connect to Partner Center: the sign-in and one read from each Microsoft API
// AuthDesk uses, each reported as passed or failed with the reason, so a user knows what to fix (a missing
// permission, a sign-in to renew, no connection). Never a token: only outcomes, statuses and Microsoft's words.
import { z } from 'zod';

// In the order they run: the token first (without one neither call can pass), then Partner Center, then Graph.
export const connectionCheckIds = ['sign-in', 'partner-center', 'graph'] as const;
export type ConnectionCheckId = (typeof connectionCheckIds)[number];

// warning: passed, but with something to fix (a token without MFA); skipped: not tried, the sign-in failed.
export const connectionCheckOutcomes = ['passed', 'warning', 'failed', 'skipped'] as const;
export type ConnectionCheckOutcome = (typeof connectionCheckOutcomes)[number];

// Why a check failed: the Microsoft HTTP error kinds, plus the sign-in's and the keychain's own reasons.
export const connectionFailureReasons = [
  'sign-in-needed',
  'unauthorized',
  'forbidden',
  'not-found',
  'throttled',
  'server',
  'network',
  'timeout',
  'invalid-response',
  'keychain',
  'other',
] as const;
export type ConnectionFailureReason = (typeof connectionFailureReasons)[number];

export const connectionCheckSchema = z.object({
  id: z.enum(connectionCheckIds),
  outcome: z.enum(connectionCheckOutcomes),
  reason: z.enum(connectionFailureReasons).nullable(),
  // The HTTP status and Microsoft's error code of a refusal, when there was one.
  status: z.number().int().nullable(),
  code: z.string().nullable(),
  // Microsoft's (or the sign-in's) own words about a failure, with secrets masked.
  detail: z.string().nullable(),
  // To quote to Microsoft support.
  requestId: z.string().nullable(),
  // A passed read: how many items its first page held (customers, GDAP relationships).
  found: z.number().int().nonnegative().nullable(),
  // The sign-in check: whether the token carries MFA (null when it does not say, as in the sandbox).
  mfa: z.boolean().nullable(),
});
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;

export const connectionTestResultSchema = z.object({
  mode: z.enum(['sandbox', 'production']),
  partnerCenterUrl: z.string(),
  graphUrl: z.string(),
  // The signed-in user (production); null in the sandbox.
  account: z.string().nullable(),
  checks: z.array(connectionCheckSchema),
  testedAt: z.string(),
});
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;
