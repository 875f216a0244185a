// What the window is told after a bulk verification: the counts over every customer verified and the first
// few not authorized yet (with their names), so the answer stays small however many were verified.
import { bulkNotDoneShownLimit } from '../../../shared/domain/bulk-summary';
import type { VerificationOutcome } from '../../../shared/domain/verification';
import type { BulkVerificationResult } from './bulk-verification-service';

type NotAuthorized =
  | { customerId: string; companyName: string; outcome: VerificationOutcome }
  | { customerId: string; companyName: string; error: { code: string; message: string } };

export interface BulkVerificationAnswer {
  operationId: string;
  total: number;
  authorized: number;
  failed: number;
  notAuthorized: NotAuthorized[];
}

export function bulkVerificationAnswer(
  { operationId, results }: BulkVerificationResult,
  companyNames: (customerIds: string[]) => Map<string, string>,
): BulkVerificationAnswer {
  const authorized = results.filter((item) => 'outcome' in item && item.outcome === 'authorized').length;
  const failed = results.filter((item) => 'error' in item).length;
  const shown = results
    .filter((item) => !('outcome' in item && item.outcome === 'authorized'))
    .slice(0, bulkNotDoneShownLimit);
  const names = companyNames(shown.map((item) => item.customerId));
  return {
    operationId,
    total: results.length,
    authorized,
    failed,
    notAuthorized: shown.map((item) => ({ ...item, companyName: names.get(item.customerId) ?? item.customerId })),
  };
}
