// The messages-per-minute limit of bulk sends, on a hand-driven clock: the first message goes at once, the
// next waits out the interval since the last one that reached the server, and time already spent counts.
import { describe, expect, it } from 'vitest';
import { createSendPacer } from '../../../../main/features/email/send-pacer';
import { manualClock } from '../../../support/manual-clock';

describe('send pacer', () => {
  it('waits the interval between messages on the injected clock', async () => {
    const clock = manualClock();
    const pacer = createSendPacer(2, {
      now: clock.now,
      pause: (ms) => new Promise<void>((resolve) => clock.timers.after(ms, resolve)),
    });
    await pacer.ready();
    // Nothing sent yet (skipped recipients): no wait.
    await pacer.ready();
    pacer.sent();
    let ready = false;
    const next = pacer.ready().then(() => {
      ready = true;
    });
    await clock.advance(29_999);
    expect(ready).toBe(false);
    await clock.advance(1);
    await next;
    expect(ready).toBe(true);

    // A message that took 10 s itself leaves 20 s to wait.
    pacer.sent();
    await clock.advance(10_000);
    let secondReady = false;
    const second = pacer.ready().then(() => {
      secondReady = true;
    });
    await clock.advance(19_999);
    expect(secondReady).toBe(false);
    await clock.advance(1);
    await second;
    expect(secondReady).toBe(true);
    expect(clock.pending()).toBe(0);
  });
});
