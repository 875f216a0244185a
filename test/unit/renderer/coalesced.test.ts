// coalesced(): a burst of refresh requests runs the refresh once in flight and once more after it, never once
// per request, and every caller's promise settles.
import { describe, expect, it } from 'vitest';
import { coalesced } from '../../../renderer/api/coalesced';

function deferredRuns() {
  const pending: (() => void)[] = [];
  let runs = 0;
  const run = () =>
    new Promise<void>((resolve) => {
      runs++;
      pending.push(resolve);
    });
  return { run, pending, runs: () => runs };
}

describe('coalesced', () => {
  it('runs once for a burst while one is in flight, then once more, and no more', async () => {
    const { run, pending, runs } = deferredRuns();
    const refresh = coalesced(run);
    const first = refresh();
    const burst = Array.from({ length: 1_000 }, () => refresh());
    expect(runs()).toBe(1);
    pending.shift()?.();
    await Promise.all([first, ...burst]);
    // The burst asked while the first ran: one more run, started when the first ended.
    expect(runs()).toBe(2);
    pending.shift()?.();
    await refresh().then(
      () => undefined,
      () => undefined,
    );
    expect(runs()).toBe(3);
  });

  it('runs at once when nothing is in flight, and goes on after a failed run', async () => {
    let runs = 0;
    const refresh = coalesced(async () => {
      runs++;
      if (runs === 1) throw new Error('offline');
    });
    await expect(refresh()).rejects.toThrow('offline');
    await refresh();
    expect(runs).toBe(2);
  });
});
