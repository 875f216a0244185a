import { describe, expect, it } from 'vitest';
import { notifiedHere } from '../../../../main/features/notifications/notified-here';

describe('notifiedHere', () => {
  const names = ['jsmith', 'Jane Smith'];

  it('notifies a desktop working alone of every customer', () => {
    expect(notifiedHere({ inTeam: false, owner: 'Someone Else', names, byTeam: false })).toBe(true);
  });

  it("in a team, notifies the owner's desktop whoever verified, matching the name loosely", () => {
    expect(notifiedHere({ inTeam: true, owner: ' jane smith ', names, byTeam: true })).toBe(true);
    expect(notifiedHere({ inTeam: true, owner: 'JSMITH', names, byTeam: false })).toBe(true);
  });

  it('in a team, leaves a customer someone else owns to their desktop, even when verified here', () => {
    expect(notifiedHere({ inTeam: true, owner: 'Ben', names, byTeam: false })).toBe(false);
    expect(notifiedHere({ inTeam: true, owner: 'Ben', names, byTeam: true })).toBe(false);
  });

  it('in a team, notifies the desktop that verified a customer nobody owns', () => {
    expect(notifiedHere({ inTeam: true, owner: '', names, byTeam: false })).toBe(true);
    expect(notifiedHere({ inTeam: true, owner: '  ', names, byTeam: true })).toBe(false);
  });
});
