// The due list's read of every waiting customer stays in migration 015's covering index: at 100,000 customers
// reading each whole row instead cost about a tenth of a second on the way to the first screen.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/platform/db/connection';
import { reminderCandidatesSql } from '../../../../main/features/email/email-repository';

describe('reminder candidates query', () => {
  it('reads the customers through the covering index, never their rows', () => {
    const db = openDatabase(':memory:');
    try {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${reminderCandidatesSql}`)
        .all()
        .map((step) => (step as { detail: string }).detail);
      expect(plan.some((detail) => detail.includes('COVERING INDEX customers_reminder_candidates'))).toBe(true);
      expect(plan.some((detail) => /SCAN c\b|customers_status\b/.test(detail))).toBe(false);
    } finally {
      db.close();
    }
  });
});
