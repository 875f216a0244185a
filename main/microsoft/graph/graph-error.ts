// The error the Graph (GDAP) client throws: the same closed list of kinds as every Microsoft HTTP error, with
// messages that name Microsoft Graph and Graph's own error code (e.g. a duplicate display name), and the
// factory the HTTP core builds it with.
import {
  MicrosoftHttpError,
  type MicrosoftHttpErrorDetails,
  type MicrosoftHttpFailure,
} from '../../platform/http/microsoft-http-error';
import { shortTextOf } from '../../platform/http/response-body';
import { graphErrorBodySchema } from './graph-types';

export interface GraphErrorDetails extends MicrosoftHttpErrorDetails {
  code: string | null;
}

export class GraphError extends MicrosoftHttpError {
  readonly code: string | null;

  constructor(details: GraphErrorDetails) {
    super(userMessage(details), details);
    this.name = 'GraphError';
    this.code = details.code;
  }

  // 409: another relationship already has this display name.
  get isConflict(): boolean {
    return this.status === 409;
  }
}

// Graph's error body: {"error": {"code": "...", "message": "..."}}.
export function graphErrorOf(failure: MicrosoftHttpFailure): GraphError {
  const { kind, status, requestId, description, cause } = failure;
  if (!failure.refusal) return new GraphError({ kind, status, code: null, description, requestId, cause });
  const parsed = graphErrorBodySchema.safeParse(failure.refusal.body);
  return new GraphError({
    kind,
    status,
    code: parsed.success ? (parsed.data.error.code ?? null) : null,
    description: parsed.success ? (parsed.data.error.message ?? null) : shortTextOf(failure.refusal.body),
    requestId,
  });
}

function detail(description: string | null): string {
  return description ? `: ${description.trim().replace(/\.+$/, '')}.` : '.';
}

function userMessage({ kind, status, code, description }: GraphErrorDetails): string {
  switch (kind) {
    case 'unauthorized':
      return 'Your Microsoft sign-in has expired or was not accepted by Microsoft Graph. Sign in again, then retry.';
    case 'forbidden':
      if (status === 409)
        return `A GDAP relationship with this display name already exists${detail(description)} Choose another name.`;
      return `Microsoft Graph refused this GDAP call (${code ?? `HTTP ${status ?? 'error'}`})${detail(description)} The account needs the Admin agent role and the DelegatedAdminRelationship.ReadWrite.All permission.`;
    case 'not-found':
      return `Microsoft Graph could not find this GDAP relationship${detail(description)}`;
    case 'throttled':
      return 'Microsoft Graph is receiving too many requests right now. Wait a minute, then try again.';
    case 'server':
      return `Microsoft Graph had a problem answering (HTTP ${status ?? 'error'}). Try again in a few minutes.`;
    case 'network':
      return 'Microsoft Graph could not be reached. Check the connection.';
    case 'timeout':
      return 'Microsoft Graph did not answer in time. Check the connection, then try again.';
    case 'invalid-response':
      return `Microsoft Graph sent an answer AuthDesk does not understand${detail(description)} Report it with the request ID.`;
  }
}
