// The hand-driven clock the background-work tests stand on: advance() runs due timers in order, awaits the
// promise each callback returns (however many turns its work takes), runs what that work schedules when it
// falls due before the end, and leaves later and cancelled timers alone.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../support/manual-clock';

// Work that takes many event-loop turns, as real I/O does: a fixed number of "settle" rounds would miss it.
async function slowWork(turns: number): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('manual clock', () => {
  it('awaits the work a timer returns before advance() resolves', async () => {
    const clock = manualClock();
    const done: string[] = [];
    clock.timers.after(1_000, async () => {
      await slowWork(200);
      done.push('slow');
    });
    await clock.advance(1_000);
    expect(done).toEqual(['slow']);
  });

  it('runs timers in due order at their own time, including those the work schedules before the end', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00.000Z'));
    const seen: string[] = [];
    const at = () => clock.now().toISOString().slice(11, 19);
    clock.timers.after(2_000, () => {
      seen.push(`b ${at()}`);
    });
    clock.timers.after(1_000, async () => {
      await slowWork(5);
      seen.push(`a ${at()}`);
      clock.timers.after(500, () => {
        seen.push(`c ${at()}`);
      });
      clock.timers.after(5_000, () => {
        seen.push('too late');
      });
    });
    await clock.advance(3_000);
    expect(seen).toEqual(['a 09:00:01', 'c 09:00:01', 'b 09:00:02']);
    expect(at()).toBe('09:00:03');
    expect(clock.pending()).toBe(1);
  });

  it('never runs a cancelled timer', async () => {
    const clock = manualClock();
    let ran = false;
    clock.timers
      .after(10, () => {
        ran = true;
      })
      .cancel();
    await clock.advance(60_000);
    expect(ran).toBe(false);
    expect(clock.pending()).toBe(0);
  });
});
