// The base of every error a Microsoft API call ends in (PartnerCenterError, GraphError): a closed list of
// kinds the rest of the app switches on, the HTTP status and the request id to quote to Microsoft. Each
// client subclasses it for its own user-facing messages.
export type MicrosoftHttpErrorKind =
  'unauthorized' | 'forbidden' | 'not-found' | 'throttled' | 'server' | 'network' | 'timeout' | 'invalid-response';

export interface MicrosoftHttpErrorDetails {
  kind: MicrosoftHttpErrorKind;
  status: number | null;
  requestId: string;
  description: string | null;
  cause?: unknown;
}

// What the HTTP core hands a client's error factory: the details, and for a call Microsoft refused its
// answer, so the client can read its API's own error code and words from the body.
export interface MicrosoftHttpFailure extends MicrosoftHttpErrorDetails {
  refusal?: { body: unknown };
}

export class MicrosoftHttpError extends Error {
  readonly kind: MicrosoftHttpErrorKind;
  readonly status: number | null;
  readonly requestId: string;
  readonly description: string | null;

  constructor(message: string, details: MicrosoftHttpErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'MicrosoftHttpError';
    this.kind = details.kind;
    this.status = details.status;
    this.requestId = details.requestId;
    this.description = details.description;
  }
}

// Offline errors are worth queueing and retrying later; every other error needs a person.
export function isOfflineError(error: unknown): error is MicrosoftHttpError {
  return error instanceof MicrosoftHttpError && (error.kind === 'network' || error.kind === 'timeout');
}

// Which kind an HTTP status means. Other 4xx (400, 409, ...) are Microsoft refusing the call as made, so they
// are reported as 'forbidden' ("refused"): the kinds are a closed list, not one per status.
export function kindForStatus(status: number): MicrosoftHttpErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'server';
  return 'forbidden';
}
