import { describe, expect, it } from 'vitest';
import {
  PartnerCenterError,
  isOfflineError,
  kindForStatus,
} from '../../../../main/microsoft/partner-center/partner-center-error';

const make = (
  details: Partial<ConstructorParameters<typeof PartnerCenterError>[0]> & Pick<PartnerCenterError, 'kind'>,
) => new PartnerCenterError({ status: null, code: null, description: null, requestId: 'req-1', ...details });

describe('PartnerCenterError', () => {
  it('names code 1002 and does not repeat a description equal to its name', () => {
    const error = make({ kind: 'forbidden', status: 403, code: 1002, description: 'Authorization Failed' });
    expect(error.message).toMatch(/^Partner Center refused this call \(1002 Authorization Failed\)\. /);
    expect(error.message).toContain('Admin agent role');
    expect(error).toBeInstanceOf(Error);
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

  it('maps statuses to kinds', () => {
    expect(kindForStatus(401)).toBe('unauthorized');
    expect(kindForStatus(403)).toBe('forbidden');
    expect(kindForStatus(400)).toBe('forbidden');
    expect(kindForStatus(404)).toBe('not-found');
    expect(kindForStatus(429)).toBe('throttled');
    expect(kindForStatus(502)).toBe('server');
  });
});
