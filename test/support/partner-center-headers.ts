// The headers the simulator requires on every Partner Center call, for tests that call it with fetch.
import { randomUUID } from 'node:crypto';

export function partnerCenterHeaders(): Record<string, string> {
  return { 'MS-Contract-Version': 'v1', 'MS-RequestId': randomUUID(), 'MS-CorrelationId': randomUUID() };
}
