// The identifiers the channels share, defined once so every fragment refuses the same malformed ids.
import { z } from 'zod';

export const customerId = z.string().min(1).max(64);

// Chosen by the renderer for a long or bulk action, so it can follow that action's operationProgress events.
export const operationId = z.string().min(1).max(64);

// The customers a bulk action of the queue applies to.
export const bulkCustomerIds = z.array(customerId).min(1, 'Select at least one customer.').max(100_000);

// The request of a channel that takes no argument: an empty object and nothing else.
export const noArguments = z.object({}).strict();
