// Property-based fuzzing of every IPC channel: whatever a compromised renderer sends, main answers with a
// typed value (never throws, never an internal error), and a refused request leaves the database unchanged.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../main/platform/ipc/dispatch';
import { methods } from '../../../../shared/ipc/contract';
import { ipcErrorSchema } from '../../../../shared/ipc/ipc-error';
import { distributorProfile, indirectDetails } from '../../../support/customer-fixtures';
import { dumpDatabase } from '../../../support/database-dump';
import { call } from '../../../support/ipc-call';
import { startTestApp, type TestApp } from '../../../support/test-app';

let app: TestApp;
let customerId: string;

beforeAll(async () => {
  app = await startTestApp();
  await call(app, 'savePartnerProfile', distributorProfile);
  customerId = (await call(app, 'createCustomer', indirectDetails())).detail.customer.id;
});
afterAll(async () => {
  await app?.close();
});

// Payloads a hostile or buggy renderer might send: anything at all, objects with odd keys and values,
// prototype tricks, and the real customer id next to wrong types.
const hostilePayload = (customerId: string) =>
  fc.oneof(
    fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
    }),
    fc.dictionary(fc.string({ maxLength: 20 }), fc.anything({ maxDepth: 2 }), { maxKeys: 6 }),
    fc.record({
      customerId: fc.oneof(fc.constant(customerId), fc.string(), fc.integer(), fc.constant(null)),
      __proto__: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })),
    }),
    fc.constantFrom(JSON.parse('{"__proto__":{"polluted":true}}') as unknown, { constructor: { prototype: {} } }),
  );

describe('IPC fuzzing', () => {
  it.each(methods)('%s answers every payload with a typed result and refuses without side effects', async (method) => {
    await fc.assert(
      fc.asyncProperty(hostilePayload(customerId), async (payload) => {
        const before = dumpDatabase(app.services.db);
        const result = await dispatch(app.handlers, method, payload, () => undefined);
        if (result.ok) return;
        expect(ipcErrorSchema.safeParse(result.error).success).toBe(true);
        expect(result.error.code).not.toBe('internal');
        if (result.error.code === 'invalid-request') expect(dumpDatabase(app.services.db)).toBe(before);
      }),
      { numRuns: 60 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
