// The one error type the Partner Center layer throws, with a message an account manager can act on.
export type PartnerCenterErrorKind =
  'unauthorized' | 'forbidden' | 'not-found' | 'throttled' | 'server' | 'network' | 'timeout' | 'invalid-response';

export interface PartnerCenterErrorDetails {
  kind: PartnerCenterErrorKind;
  status: number | null;
  code: number | null;
  description: string | null;
  requestId: string;
  message?: string;
  cause?: unknown;
}

export class PartnerCenterError extends Error {
  readonly kind: PartnerCenterErrorKind;
  readonly status: number | null;
  readonly code: number | null;
  readonly description: string | null;
  readonly requestId: string;

  constructor(details: PartnerCenterErrorDetails) {
    super(details.message ?? userMessage(details), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'PartnerCenterError';
    this.kind = details.kind;
    this.status = details.status;
    this.code = details.code;
    this.description = details.description;
    this.requestId = details.requestId;
  }

  // Partner Center's own "not found": HTTP 404, or code 3000 whatever the status.
  get isNotFound(): boolean {
    return this.kind === 'not-found' || this.code === 3000;
  }
}

// Known Partner Center error codes, named the way Partner Center names them.
const codeNames: Record<number, string> = {
  1002: 'Authorization Failed',
  3000: 'Not Found',
};

// Offline errors are worth queueing and retrying later; every other error needs a person.
export function isOfflineError(error: unknown): error is PartnerCenterError {
  return error instanceof PartnerCenterError && (error.kind === 'network' || error.kind === 'timeout');
}

// Which kind an HTTP status means. Other 4xx (400, 409, ...) are Partner Center refusing the call as made,
// so they are reported as 'forbidden' ("refused"): the kinds are a closed list the rest of the app switches on.
export function kindForStatus(status: number): PartnerCenterErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'server';
  return 'forbidden';
}

function withDescription(lead: string, description: string | null, advice: string): string {
  const detail = description ? `: ${trimPeriod(description)}.` : '.';
  return `${lead}${detail} ${advice}`;
}

function trimPeriod(text: string): string {
  return text.trim().replace(/\.+$/, '');
}

function userMessage(details: PartnerCenterErrorDetails): string {
  const { kind, status, code, description } = details;
  const codeLabel = code === null ? null : `${code} ${codeNames[code] ?? 'error'}`;
  switch (kind) {
    case 'unauthorized':
      return 'Your Partner Center sign-in has expired or was not accepted. Sign in again, then retry.';
    case 'forbidden':
      // "1002 Authorization Failed: Authorization Failed" says nothing twice, so a description equal to the
      // code's name is dropped; the advice covers the usual causes (missing role, wrong partner role).
      return withDescription(
        `Partner Center refused this call (${codeLabel ?? `HTTP ${status ?? 'error'}`})`,
        code !== null && description?.trim().toLowerCase() === codeNames[code]?.toLowerCase() ? null : description,
        'The signed-in account or the partner role may not allow it: check that the account has the Admin agent role and that the partner role in Settings is right (only an indirect provider can see a customer’s resellers).',
      );
    case 'not-found':
      return withDescription(
        code === 3000 ? 'Partner Center could not find it (3000)' : 'Partner Center could not find it',
        description,
        'Check the domain, tenant ID or MPN ID and try again.',
      );
    case 'throttled':
      return 'Partner Center is receiving too many requests right now. Wait a minute, then try again.';
    case 'server':
      return `Microsoft had a problem answering (HTTP ${status ?? 'error'}). This is not caused by your data: try again in a few minutes.`;
    case 'network':
      return 'Partner Center could not be reached. Check the connection.';
    case 'timeout':
      return 'Partner Center did not answer in time. Check the connection, then try again.';
    case 'invalid-response':
      return 'Partner Center sent an answer AuthDesk does not understand. Try again later; if it keeps happening, report it with the request ID.';
  }
}
