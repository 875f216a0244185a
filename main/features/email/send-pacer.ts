// The messages-per-minute limit of a bulk send: before each message that reaches the SMTP server, wait until
// the interval since the previous one has passed. Time comes from the injected clock and pause (timers), so
// tests drive it by hand.
export interface SendPacer {
  // Resolves when the next message may go.
  ready(): Promise<void>;
  // A message reached the server (sent or refused); skipped and already-sent ones do not count.
  sent(): void;
}

export function createSendPacer(
  messagesPerMinute: number,
  clock: { now: () => Date; pause: (ms: number) => Promise<void> },
): SendPacer {
  const intervalMs = 60_000 / messagesPerMinute;
  let lastSentAt: number | null = null;
  return {
    async ready() {
      if (lastSentAt === null) return;
      const wait = lastSentAt + intervalMs - clock.now().getTime();
      if (wait > 0) await clock.pause(wait);
    },
    sent() {
      lastSentAt = clock.now().getTime();
    },
  };
}
