import { describe, expect, it } from 'vitest';
import { stableMessageId } from '../../../../main/features/email/stable-message-id';

describe('stableMessageId', () => {
  it('gives one message the same Message-ID at every attempt, at the sender’s domain', () => {
    const sender = { fromAddress: 'sales@contoso-partner.example' };
    const first = stableMessageId('team-email:abc:invitation:step-1', sender);
    expect(first).toBe(stableMessageId('team-email:abc:invitation:step-1', sender));
    expect(first).toMatch(/^<[0-9a-f]{40}@contoso-partner\.example>$/);
  });

  it('gives different messages different Message-IDs', () => {
    const sender = { fromAddress: 'sales@contoso-partner.example' };
    expect(stableMessageId('email:a:invitation:1', sender)).not.toBe(stableMessageId('email:a:invitation:2', sender));
  });

  it('falls back to a reserved domain when the sender has none', () => {
    expect(stableMessageId('key', { fromAddress: 'nobody' })).toMatch(/@authdesk\.invalid>$/);
    expect(stableMessageId('key', { fromAddress: 'nobody@' })).toMatch(/@authdesk\.invalid>$/);
  });
});
