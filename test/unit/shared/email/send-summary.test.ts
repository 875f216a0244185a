import { describe, expect, it } from 'vitest';
import type { SendResult } from '../../../../shared/email/email-messages';
import { summarizeSends } from '../../../../shared/email/send-summary';

const result = (index: number, outcome: SendResult['outcome']): SendResult => ({
  customerId: `customer-${index}`,
  companyName: `Customer ${index}`,
  to: `it${index}@customer${index}.example`,
  outcome,
  message: outcome,
  retryAt: null,
});

describe('summarizeSends', () => {
  it('counts every result but lists at most the limit, those not sent first', () => {
    const results = Array.from({ length: 1000 }, (_, index) => result(index, index % 100 === 7 ? 'failed' : 'sent'));
    const summary = summarizeSends(results, 25);
    expect([summary.total, summary.sent, summary.results.length]).toEqual([1000, 990, 25]);
    expect(summary.results.slice(0, 10).every((entry) => entry.outcome === 'failed')).toBe(true);
    expect(summary.results.slice(10).map((entry) => entry.customerId)).toEqual(
      results
        .filter((entry) => entry.outcome === 'sent')
        .slice(0, 15)
        .map((entry) => entry.customerId),
    );
  });

  it('lists every result of a small send', () => {
    const results = [result(0, 'sent'), result(1, 'skipped')];
    expect(summarizeSends(results)).toEqual({ total: 2, sent: 1, results: [results[1], results[0]] });
  });
});
