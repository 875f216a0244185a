// Verification's view of GDAP: delegated administration counts as granted when the customer's GDAP
// relationship is active (or expiring, still active until its end date), whatever the old DAP flag says.
import type { Database } from 'better-sqlite3';
import { outcomeOf, type VerificationResult } from '../../../shared/domain/verification';
import { getRelationship } from './gdap-repository';

export function withGdapRelationship(db: Database, customerId: string, result: VerificationResult): VerificationResult {
  const relationship = getRelationship(db, customerId);
  if (!relationship || (relationship.status !== 'active' && relationship.status !== 'expiring')) return result;
  const checks = result.checks.map((check) =>
    check.id === 'delegated-admin' && check.state !== 'passed' && check.state !== 'not-required'
      ? {
          ...check,
          state: 'passed' as const,
          message: `The customer approved the GDAP relationship "${relationship.displayName}" (${relationship.templateName}).`,
        }
      : check,
  );
  return { ...result, checks, outcome: outcomeOf(checks) };
}
