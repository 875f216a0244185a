// Property-based fuzzing of every IPC channel: whatever a compromised renderer sends, main answers with a
// typed value (never throws, never an internal error), a refused request leaves the database unchanged, and
// every channel refuses at least one of the malformed payloads (the refusals are counted per channel, so a
// schema that lets everything through fails here instead of passing unnoticed).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../main/platform/ipc/dispatch';
import { contract, methods, type Method } from '../../../../shared/ipc/contract';
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

const runs = 60;

// Channels whose request schema truly accepts any payload, so the fuzzer cannot expect a refusal from them.
// None today: even the channels without arguments take exactly {} (a strict empty object) and refuse the rest.
// A channel listed here is checked the other way round: it must accept every payload.
const acceptsAnyPayload: ReadonlySet<Method> = new Set<Method>([]);

// How each channel answered the generated payloads: refused by its schema, refused by the service (not found,
// conflict, ...), or accepted.
interface Answers {
  refusedBySchema: number;
  refusedByService: number;
  accepted: number;
}

describe('IPC fuzzing', () => {
  it.each(methods)('%s answers every payload with a typed result and refuses without side effects', async (method) => {
    const answers: Answers = { refusedBySchema: 0, refusedByService: 0, accepted: 0 };
    await fc.assert(
      fc.asyncProperty(hostilePayload(customerId), async (payload) => {
        const before = dumpDatabase(app.services.db);
        const result = await dispatch(contract, app.handlers, method, payload, () => undefined);
        if (result.ok) {
          answers.accepted += 1;
          return;
        }
        expect(ipcErrorSchema.safeParse(result.error).success).toBe(true);
        expect(result.error.code).not.toBe('internal');
        if (result.error.code === 'invalid-request') {
          answers.refusedBySchema += 1;
          expect(dumpDatabase(app.services.db)).toBe(before);
        } else {
          answers.refusedByService += 1;
        }
      }),
      { numRuns: runs },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // fast-check may shrink a failing case and call the property more often; without a failure it runs exactly runs.
    expect(answers.refusedBySchema + answers.refusedByService + answers.accepted).toBe(runs);
    if (acceptsAnyPayload.has(method)) {
      expect(answers, `${method} is listed as accepting any payload`).toMatchObject({ refusedBySchema: 0 });
    } else {
      expect(answers.refusedBySchema, `${method} refused none of ${runs} malformed payloads`).toBeGreaterThan(0);
    }
  });
});
