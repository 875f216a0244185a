// One CSV record -> the service details the new-customer form would have sent, or the reason it cannot be.
// Field rules come from the shared schema and serviceDetailsErrors, so a row is refused with the same words
// as the form; only what a spreadsheet writes differently (yes/no, full .onmicrosoft.com domains) is read here.
import { serviceDetailsSchema, type CustomerKind, type ServiceDetails } from '../../../shared/domain/customer';
import { importFieldLabels, type ImportField, type ImportMapping } from '../../../shared/domain/customer-import';
import type { PartnerProfile } from '../../../shared/domain/partner-profile';
import { serviceDetailsErrors } from '../../../shared/domain/service-details-rules';

// problems: one message each; reason: all of them in one line (the rejected-rows CSV).
export type RowOutcome = { ok: true; details: ServiceDetails } | { ok: false; reason: string; problems: string[] };

const yes = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'oui', 'si', 'on']);
const no = new Set(['no', 'n', 'false', '0', 'nein', 'non', 'off']);

// Field names in messages: the form's labels for the schema's field paths.
const pathLabels: Record<string, string> = {
  companyName: importFieldLabels.companyName,
  contactName: importFieldLabels.contactName,
  contactEmail: importFieldLabels.contactEmail,
  domainPrefix: 'Domain prefix',
  resellerMpnId: importFieldLabels.resellerMpnId,
  includeDelegatedAdmin: importFieldLabels.includeDelegatedAdmin,
  addressLine1: importFieldLabels.addressLine1,
  city: importFieldLabels.city,
  postalCode: importFieldLabels.postalCode,
  country: importFieldLabels.country,
  billingAddress: 'Billing address',
  kind: 'Kind',
  ownsExistingTenant: 'Existing tenant',
};

export function kindForProfile(profile: PartnerProfile): CustomerKind {
  return profile.role === 'indirect-provider' ? 'indirect' : 'direct';
}

// "contoso" stays; "Contoso.onmicrosoft.com" becomes "contoso"; any other domain cannot name the tenant.
function domainPrefixOf(value: string): { prefix: string } | { reason: string } {
  const lower = value.trim().toLowerCase();
  if (!lower.includes('.')) return { prefix: lower };
  const match = /^([^.]+)\.onmicrosoft\.com$/.exec(lower);
  if (match?.[1]) return { prefix: match[1] };
  return {
    reason: `Domain prefix: "${value.trim()}" is not a .onmicrosoft.com domain; enter the tenant's prefix (for contoso.onmicrosoft.com, "contoso").`,
  };
}

// resellerChoice: the reseller the user picked in the preview for a row whose MPN ID cell is blank.
export function rowToDetails(
  cells: readonly string[],
  mapping: ImportMapping,
  profile: PartnerProfile,
  ownsExistingTenant: boolean,
  resellerChoice: string | null = null,
): RowOutcome {
  const cell = (field: ImportField): string => {
    const index = mapping[field];
    const value = index === null ? '' : (cells[index] ?? '').trim();
    return field === 'resellerMpnId' && value === '' && resellerChoice !== null ? resellerChoice : value;
  };
  const reasons: string[] = [];
  const domain = domainPrefixOf(cell('domain'));
  if ('reason' in domain) reasons.push(domain.reason);
  const delegatedAdminText = cell('includeDelegatedAdmin').toLowerCase();
  // Blank keeps the form's default (delegated admin requested).
  const includeDelegatedAdmin = delegatedAdminText === '' || yes.has(delegatedAdminText);
  if (delegatedAdminText !== '' && !yes.has(delegatedAdminText) && !no.has(delegatedAdminText)) {
    reasons.push(
      `${importFieldLabels.includeDelegatedAdmin}: "${cell('includeDelegatedAdmin')}" is neither yes nor no.`,
    );
  }
  const address = {
    addressLine1: cell('addressLine1'),
    city: cell('city'),
    postalCode: cell('postalCode'),
    country: cell('country'),
  };
  const hasAddress = Object.values(address).some((value) => value !== '');
  const parsed = serviceDetailsSchema.safeParse({
    kind: kindForProfile(profile),
    companyName: cell('companyName'),
    contactName: cell('contactName'),
    contactEmail: cell('contactEmail'),
    domainPrefix: 'prefix' in domain ? domain.prefix : 'invalid',
    ownsExistingTenant,
    resellerMpnId: cell('resellerMpnId'),
    includeDelegatedAdmin,
    billingAddress: hasAddress ? address : null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[issue.path.length - 1] ?? '');
      if (key === 'domainPrefix' && 'reason' in domain) continue;
      reasons.push(`${pathLabels[key] ?? key}: ${issue.message}`);
    }
  }
  if (reasons.length > 0 || !parsed.success) return { ok: false, reason: reasons.join(' '), problems: reasons };
  const ruleErrors = serviceDetailsErrors(parsed.data, profile);
  const ruleReasons = Object.entries(ruleErrors).map(([key, message]) => `${pathLabels[key] ?? key}: ${message}`);
  if (ruleReasons.length > 0) return { ok: false, reason: ruleReasons.join(' '), problems: ruleReasons };
  return { ok: true, details: parsed.data };
}
