// Reading the reseller relationship link Partner Center returns, so the interface can say what the
// customer is being asked to accept, and setting its DAP flag from the form's delegated-admin checkbox.
// The parameter names are those seen in the wild (partner-center-api.md marks them unconfirmed), so
// anything unrecognised is kept as it is rather than rejected.

export interface RelationshipLinkParts {
  invitationType: string | null;
  partnerId: string | null;
  mpnId: string | null;
  indirectCspId: string | null;
  delegatedAdmin: boolean | null;
}

const allowedHost = 'admin.microsoft.com';

export function isAdminCenterUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname.toLowerCase() === allowedHost;
  } catch {
    return false;
  }
}

export function parseRelationshipLink(url: string): RelationshipLinkParts {
  const query = new URL(url).searchParams;
  const dap = query.get('DAP');
  const mpnId = query.get('msppId');
  return {
    invitationType: query.get('invType'),
    partnerId: query.get('partnerId'),
    mpnId: mpnId && mpnId !== '0' ? mpnId : null,
    indirectCspId: query.get('indirectCSPId'),
    delegatedAdmin: dap === null ? null : dap.toLowerCase() === 'true',
  };
}

// Partner Center returns the link with DAP=false; the form's delegated-admin checkbox decides what the customer is asked.
export function withDelegatedAdmin(url: string, includeDelegatedAdmin: boolean): string {
  const parsed = new URL(url);
  parsed.searchParams.set('DAP', includeDelegatedAdmin ? 'true' : 'false');
  return parsed.toString();
}

export function isIndirectLink(parts: RelationshipLinkParts): boolean {
  return parts.indirectCspId !== null || (parts.invitationType ?? '').toLowerCase().startsWith('indirect');
}
