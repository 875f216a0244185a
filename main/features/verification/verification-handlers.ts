// The verification channels' handlers: one customer through the verification service, many through the bulk one.
import type { verificationChannels } from '../../../shared/ipc/channels/verification';
import type { HandlersOf } from '../../platform/ipc/handlers-of';
import type { BulkVerificationService } from './bulk-verification-service';
import type { VerificationService } from './verification-service';
import type { QueueService } from '../queue/queue-service';
import { bulkVerificationAnswer } from './bulk-verification-answer';

export function createVerificationHandlers({
  verification,
  bulkVerification,
  queue,
}: {
  verification: VerificationService;
  bulkVerification: BulkVerificationService;
  queue: QueueService;
}): HandlersOf<typeof verificationChannels> {
  return {
    verifyAuthorization: async ({ customerId, defaultDomain }) => verification.verify(customerId, defaultDomain),
    // The queue resolves the selection (the ticked customers or a whole filter) to ids here in main.
    verifyCustomers: async ({ selection, all }) => {
      const request = all === true ? { all } : { customerIds: selection ? queue.selectionIds(selection) : [] };
      return bulkVerificationAnswer(await bulkVerification.verifyMany(request), (ids) => queue.companyNames(ids));
    },
  };
}
