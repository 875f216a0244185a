import { describe, expect, it } from 'vitest';
import {
  isAdminCenterUrl,
  isIndirectLink,
  parseRelationshipLink,
  withDelegatedAdmin,
} from '../../../shared/domain/relationship-link';

const direct =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=3b33e682-00c3-41ee-9dd2-a548adf56438&msppId=0&DAP=false#/BillingAccounts/partner-invitation';
const indirect =
  'https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship&partnerId=11111111-2222-3333-4444-555555555555&msppId=4391507&indirectCSPId=3b33e682-00c3-41ee-9dd2-a548adf56438&DAP=false#/partners/invitation';

describe('relationship link', () => {
  it('reads the two parts of the documented direct link', () => {
    const parts = parseRelationshipLink(direct);
    expect(parts).toEqual({
      invitationType: 'ResellerRelationship',
      partnerId: '3b33e682-00c3-41ee-9dd2-a548adf56438',
      mpnId: null,
      indirectCspId: null,
      delegatedAdmin: false,
    });
    expect(isIndirectLink(parts)).toBe(false);
  });

  it('reads the three parts of an indirect link', () => {
    const parts = parseRelationshipLink(indirect);
    expect(parts.mpnId).toBe('4391507');
    expect(parts.indirectCspId).toBe('3b33e682-00c3-41ee-9dd2-a548adf56438');
    expect(isIndirectLink(parts)).toBe(true);
  });

  it('sets DAP from the delegated-admin checkbox and keeps the fragment and other parameters', () => {
    const withDap = withDelegatedAdmin(indirect, true);
    expect(parseRelationshipLink(withDap).delegatedAdmin).toBe(true);
    expect(withDap.endsWith('#/partners/invitation')).toBe(true);
    expect(parseRelationshipLink(withDap).mpnId).toBe('4391507');
    expect(parseRelationshipLink(withDelegatedAdmin(withDap, false)).delegatedAdmin).toBe(false);
  });

  it('recognises only https admin center URLs', () => {
    expect(isAdminCenterUrl(direct)).toBe(true);
    expect(isAdminCenterUrl('http://admin.microsoft.com/x')).toBe(false);
    expect(isAdminCenterUrl('https://admin.microsoft.com.evil.example/x')).toBe(false);
    expect(isAdminCenterUrl('not a url')).toBe(false);
  });
});
