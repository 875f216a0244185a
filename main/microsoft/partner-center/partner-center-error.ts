// The one error type the Partner Center layer throws, with a message an account manager can act on, and
// the factory the HTTP core builds it with (reading Partner Center's error code from a refusal's body).
import {
  MicrosoftHttpError,
  type MicrosoftHttpErrorDetails,
  type MicrosoftHttpFailure,
} from '../../platform/http/microsoft-http-error';
import { shortTextOf } from '../../platform/http/response-body';
import { errorBodySchema } from './partner-center-types';

export interface PartnerCenterErrorDetails extends MicrosoftHttpErrorDetails {
  code: number | null;
  message?: string;
}

export class PartnerCenterError extends MicrosoftHttpError {
  readonly code: number | null;

  constructor(details: PartnerCenterErrorDetails) {
    super(details.message ?? userMessage(details), details);
    this.name = 'PartnerCenterError';
    this.code = details.code;
  }

  // Partner Center's own "not found": HTTP 404, or code 3000 whatever the status.
  get isNotFound(): boolean {
    return this.kind === 'not-found' || this.code === 3000;
  }
}

export function partnerCenterErrorOf(failure: MicrosoftHttpFailure): PartnerCenterError {
  const { kind, status, requestId, description, cause } = failure;
  if (!failure.refusal) return new PartnerCenterError({ kind, status, code: null, description, requestId, cause });
  const { body } = failure.refusal;
  const parsed = errorBodySchema.safeParse(body);
  const code = parsed.success ? parsed.data.code : null;
  return new PartnerCenterError({
    // Code 3000 ("relationship/partner not found" in the doc) means not found whatever the status.
    kind: code === 3000 ? 'not-found' : kind,
    status,
    code,
    description: parsed.success ? (parsed.data.description ?? null) : (shortTextOf(body) ?? messageOf(body)),
    requestId,
  });
}

// Throttling answers {statusCode, message}; others may answer {error:{message}} or plain text.
function messageOf(body: unknown): string | null {
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') return body.message;
  return null;
}

// Known Partner Center error codes, named the way Partner Center names them.
const codeNames: Record<number, string> = {
  1002: 'Authorization Failed',
  3000: 'Not Found',
};

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
