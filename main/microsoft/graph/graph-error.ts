// The error the Graph (GDAP) client throws: the same closed list of kinds as Partner Center's, with messages
// that name Microsoft Graph and Graph's own error code (e.g. a duplicate display name).
import { kindForStatus, type PartnerCenterErrorKind } from '../partner-center/partner-center-error';

export interface GraphErrorDetails {
  kind: PartnerCenterErrorKind;
  status: number | null;
  code: string | null;
  description: string | null;
  requestId: string;
  cause?: unknown;
}

export class GraphError extends Error {
  readonly kind: PartnerCenterErrorKind;
  readonly status: number | null;
  readonly code: string | null;
  readonly description: string | null;
  readonly requestId: string;

  constructor(details: GraphErrorDetails) {
    super(userMessage(details), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'GraphError';
    this.kind = details.kind;
    this.status = details.status;
    this.code = details.code;
    this.description = details.description;
    this.requestId = details.requestId;
  }

  // 409: another relationship already has this display name.
  get isConflict(): boolean {
    return this.status === 409;
  }
}

export function graphKindForStatus(status: number): PartnerCenterErrorKind {
  return kindForStatus(status);
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
