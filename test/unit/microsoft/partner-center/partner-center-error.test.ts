import { describe, expect, it } from 'vitest';
import {
  PartnerCenterError,
  partnerCenterErrorOf,
} from '../../../../main/microsoft/partner-center/partner-center-error';
import { MicrosoftHttpError, isOfflineError } from '../../../../main/platform/http/microsoft-http-error';

const make = (
  details: Partial<ConstructorParameters<typeof PartnerCenterError>[0]> & Pick<PartnerCenterError, 'kind'>,
) => new PartnerCenterError({ status: null, code: null, description: null, requestId: 'req-1', ...details });

describe('PartnerCenterError', () => {
  it('names code 1002 and does not repeat a description equal to its name', () => {
    const error = make({ kind: 'forbidden', status: 403, code: 1002, description: 'Authorization Failed' });
    expect(error.message).toMatch(/^Partner Center refused this call \(1002 Authorization Failed\)\. /);
    expect(error.message).toContain('Admin agent role');
    expect(error).toBeInstanceOf(MicrosoftHttpError);
    expect(error.name).toBe('PartnerCenterError');
    expect(error.requestId).toBe('req-1');
  });

  it('says what was not found for code 3000', () => {
    const error = make({
      kind: 'not-found',
      status: 404,
      code: 3000,
      description: 'Partner Organization with partner_id 9999999 could not be found',
    });
    expect(error.message).toBe(
      'Partner Center could not find it (3000): Partner Organization with partner_id 9999999 could not be found. Check the domain, tenant ID or MPN ID and try again.',
    );
    expect(error.isNotFound).toBe(true);
  });

  it('speaks plainly about sign-in, throttling, outages and connectivity', () => {
    expect(make({ kind: 'unauthorized', status: 401 }).message).toMatch(/sign-in has expired/);
    expect(make({ kind: 'throttled', status: 429 }).message).toMatch(/too many requests/);
    expect(make({ kind: 'server', status: 503 }).message).toBe(
      'Microsoft had a problem answering (HTTP 503). This is not caused by your data: try again in a few minutes.',
    );
    expect(make({ kind: 'network' }).message).toBe('Partner Center could not be reached. Check the connection.');
    expect(make({ kind: 'timeout' }).message).toMatch(/did not answer in time/);
    expect(make({ kind: 'forbidden', status: 403 }).message).toMatch(/^Partner Center refused this call \(HTTP 403\)/);
  });

  it('treats only network and timeout errors as offline', () => {
    expect(isOfflineError(make({ kind: 'network' }))).toBe(true);
    expect(isOfflineError(make({ kind: 'timeout' }))).toBe(true);
    expect(isOfflineError(make({ kind: 'server', status: 500 }))).toBe(false);
    expect(isOfflineError(new Error('fetch failed'))).toBe(false);
    expect(isOfflineError(null)).toBe(false);
  });
});

describe('partnerCenterErrorOf', () => {
  const refused = (status: number, body: unknown) =>
    partnerCenterErrorOf({
      kind: status === 404 ? 'not-found' : 'forbidden',
      status,
      requestId: 'req-1',
      description: null,
      refusal: { body },
    });

  it("reads Partner Center's code and description from a refusal", () => {
    const error = refused(403, { code: 1002, description: 'Authorization Failed', data: [], source: 'PartnerFD' });
    expect(error).toMatchObject({ kind: 'forbidden', status: 403, code: 1002, description: 'Authorization Failed' });
    expect(error.requestId).toBe('req-1');
  });

  it('treats code 3000 as not found whatever the status', () => {
    expect(refused(400, { code: '3000', description: 'Partner not found' })).toMatchObject({
      kind: 'not-found',
      code: 3000,
    });
  });

  it('falls back to a short text body or a message field', () => {
    expect(refused(429, { statusCode: 429, message: 'Rate limit is exceeded' }).description).toBe(
      'Rate limit is exceeded',
    );
    expect(refused(502, 'Bad Gateway').description).toBe('Bad Gateway');
    expect(refused(502, `<html>${'x'.repeat(300)}</html>`).description).toBeNull();
  });

  it('keeps what the core says about a failure that was not a refusal', () => {
    const cause = new Error('connect ECONNREFUSED');
    const error = partnerCenterErrorOf({
      kind: 'network',
      status: null,
      requestId: 'req-2',
      description: cause.message,
      cause,
    });
    expect(error).toMatchObject({ kind: 'network', code: null, description: 'connect ECONNREFUSED' });
    expect(error.cause).toBe(cause);
  });
});
