// The base of the Microsoft errors: which failures mean offline, and which kind a status means.
import { describe, expect, it } from 'vitest';
import {
  MicrosoftHttpError,
  isOfflineError,
  kindForStatus,
  type MicrosoftHttpErrorKind,
} from '../../../../main/platform/http/microsoft-http-error';

const make = (kind: MicrosoftHttpErrorKind) =>
  new MicrosoftHttpError(`failed: ${kind}`, { kind, status: null, requestId: 'req-1', description: null });

describe('MicrosoftHttpError', () => {
  it('carries the kind, status, request id and cause', () => {
    const cause = new Error('socket hang up');
    const error = new MicrosoftHttpError('failed', {
      kind: 'network',
      status: null,
      requestId: 'req-1',
      description: 'socket hang up',
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ kind: 'network', status: null, requestId: 'req-1', description: 'socket hang up' });
    expect(error.cause).toBe(cause);
  });

  it('treats only network and timeout errors as offline', () => {
    expect(isOfflineError(make('network'))).toBe(true);
    expect(isOfflineError(make('timeout'))).toBe(true);
    expect(isOfflineError(make('server'))).toBe(false);
    expect(isOfflineError(make('throttled'))).toBe(false);
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
