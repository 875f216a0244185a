// How dispatch turns what a handler does into the typed result the renderer gets, without ever throwing
// or leaking a stack trace.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../main/platform/ipc/dispatch';
import type { Handlers } from '../../../../main/app/handlers';
import { PartnerCenterError } from '../../../../main/microsoft/partner-center/partner-center-error';
import { contract, methods } from '../../../../shared/ipc/contract';
import { AppError } from '../../../../shared/ipc/ipc-error';

// A handler table where every method does the same thing: enough to test dispatch on its own.
function handlersDoing(run: () => Promise<unknown>): Handlers {
  return Object.fromEntries(methods.map((method) => [method, run])) as unknown as Handlers;
}

describe('dispatch error mapping', () => {
  it('passes an AppError through with its code, message and field errors', async () => {
    const handlers = handlersDoing(async () => {
      throw new AppError('invalid-request', 'No such reseller.', { resellerMpnId: 'No such reseller.' });
    });
    expect(await dispatch(contract, handlers, 'listResellers', {})).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'No such reseller.',
        fieldErrors: { resellerMpnId: 'No such reseller.' },
      },
    });
  });

  it('maps Partner Center errors to offline or partner-center with their user message', async () => {
    const offline = new PartnerCenterError({
      kind: 'network',
      status: null,
      code: null,
      description: 'ECONNREFUSED',
      requestId: 'r',
    });
    const refused = new PartnerCenterError({
      kind: 'forbidden',
      status: 403,
      code: 1002,
      description: null,
      requestId: 'r',
    });
    expect(
      await dispatch(
        contract,
        handlersDoing(() => Promise.reject(offline)),
        'refreshResellers',
        {},
      ),
    ).toEqual({
      ok: false,
      error: { code: 'offline', message: offline.message },
    });
    expect(
      await dispatch(
        contract,
        handlersDoing(() => Promise.reject(refused)),
        'refreshResellers',
        {},
      ),
    ).toEqual({
      ok: false,
      error: { code: 'partner-center', message: refused.message },
    });
  });

  it('hides anything else behind a generic internal error, and logs it', async () => {
    const logged: unknown[] = [];
    const bug = new Error('SQLITE_CORRUPT at /home/anna/secret/path client_secret=abc');
    const result = await dispatch(
      contract,
      handlersDoing(() => Promise.reject(bug)),
      'listResellers',
      {},
      (_message, error) => logged.push(error),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|secret|at \//);
    expect(logged).toEqual([bug]);
  });

  it('refuses to return a response outside the contract', async () => {
    const logged: string[] = [];
    const result = await dispatch(
      contract,
      handlersDoing(async () => [{ tenantId: 1 }]),
      'listResellers',
      {},
      (message) => logged.push(message),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged).toEqual(['listResellers answered with a value outside the contract']);
  });

  it('returns the parsed response on success', async () => {
    const reseller = {
      tenantId: 't',
      name: 'Fabrikam',
      mpnId: '4391507',
      state: null,
      syncedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(
      await dispatch(
        contract,
        handlersDoing(async () => [reseller]),
        'listResellers',
        {},
      ),
    ).toEqual({ ok: true, value: [reseller] });
  });
});
