// The verification channels' handlers: one customer through the verification service, many through the bulk one.
import type { verificationChannels } from '../../../shared/ipc/channels/verification';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { BulkVerificationService } from './bulk-verification-service';
import type { VerificationService } from './verification-service';

export function createVerificationHandlers({
  verification,
  bulkVerification,
}: {
  verification: VerificationService;
  bulkVerification: BulkVerificationService;
}): HandlersOf<typeof verificationChannels> {
  return {
    verifyAuthorization: async ({ customerId, defaultDomain }) => verification.verify(customerId, defaultDomain),
    verifyCustomers: async (request) => bulkVerification.verifyMany(request),
  };
}
