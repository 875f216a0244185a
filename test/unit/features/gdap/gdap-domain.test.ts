// GDAP's small rules: ISO 8601 durations (P1D..P2Y), Graph statuses folded into what AuthDesk shows, the
// 30-day warning, and the display name derived from the company name.
import { describe, expect, it } from 'vitest';
import { gdapDisplayName } from '../../../../main/features/gdap/gdap-service';
import { durationDays, isValidGdapDuration } from '../../../../shared/domain/gdap-duration';
import { skipTokenOf } from '../../../../main/microsoft/graph/graph-types';
import { displayStatus, endsSoon, type GdapRelationship } from '../../../../shared/domain/gdap';

const now = new Date('2026-11-24T08:00:00Z');

function relationship(overrides: Partial<GdapRelationship>): GdapRelationship {
  return {
    customerId: 'c1',
    relationshipId: 'r1',
    displayName: 'Contoso GDAP',
    templateName: 'Helpdesk',
    roleDefinitionIds: [],
    duration: 'P730D',
    autoExtend: false,
    graphStatus: 'active',
    status: 'active',
    invitationLink: '',
    createdAt: now.toISOString(),
    requestExpiresAt: now.toISOString(),
    activatedAt: now.toISOString(),
    endsAt: null,
    checkedAt: now.toISOString(),
    securityGroup: null,
    accessAssignments: [],
    ...overrides,
  };
}

describe('GDAP durations', () => {
  it('reads ISO 8601 periods and accepts P1D to P2Y only', () => {
    expect(durationDays('P2Y')).toBe(730);
    expect(durationDays('P1Y6M')).toBe(545);
    expect(durationDays('P2W')).toBe(14);
    expect(durationDays('P')).toBeNull();
    expect(durationDays('PT5H')).toBeNull();
    expect(['P1D', 'P730D', 'P2Y', 'P90D'].every(isValidGdapDuration)).toBe(true);
    expect(['P0D', 'P731D', 'P3Y', 'nonsense', ''].some(isValidGdapDuration)).toBe(false);
  });
});

describe('GDAP statuses', () => {
  it('folds Graph transitional statuses into the ones a user acts on', () => {
    expect(displayStatus('approved')).toBe('approvalPending');
    expect(displayStatus('activating')).toBe('approvalPending');
    expect(displayStatus('terminationRequested')).toBe('terminated');
    expect(displayStatus('terminating')).toBe('terminated');
    expect(displayStatus('expiring')).toBe('expiring');
  });

  it('warns within 30 days of the end of an active relationship only', () => {
    const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
    expect(endsSoon(relationship({ endsAt: inDays(29) }), now)).toBe(true);
    expect(endsSoon(relationship({ endsAt: inDays(31) }), now)).toBe(false);
    expect(endsSoon(relationship({ endsAt: inDays(-1) }), now)).toBe(false);
    expect(endsSoon(relationship({ endsAt: inDays(5), status: 'terminated' }), now)).toBe(false);
  });
});

describe('GDAP display names and paging', () => {
  it('derives a display name of at most 50 characters and numbers repeats', () => {
    expect(gdapDisplayName('  Contoso   Ltd ', 0)).toBe('Contoso Ltd GDAP');
    expect(gdapDisplayName('Contoso', 1)).toBe('Contoso GDAP 2');
    const long = gdapDisplayName('x'.repeat(200), 0);
    expect(long).toHaveLength(50);
    expect(long.endsWith(' GDAP')).toBe(true);
  });

  it('takes the $skipToken from an @odata.nextLink', () => {
    expect(skipTokenOf('https://graph.microsoft.com/v1.0/x?$top=3&$skipToken=abc')).toBe('abc');
    expect(skipTokenOf(undefined)).toBeNull();
    expect(skipTokenOf('not a url')).toBeNull();
  });
});
