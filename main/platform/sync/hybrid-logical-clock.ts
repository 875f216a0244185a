// A hybrid logical clock (physical milliseconds, a counter, the device id), serialised so that string order
// is clock order. Every local change takes a stamp later than any this device made or received, so a change
// made after seeing another always sorts after it, even when the desktops' wall clocks disagree.
const msWidth = 15;
const counterWidth = 6;

export interface HybridLogicalClock {
  // A new stamp for a local change.
  now(): string;
  // Moves the clock past a stamp received from another device.
  receive(stamp: string): void;
}

export interface ParsedStamp {
  ms: number;
  counter: number;
  deviceId: string;
}

export function formatStamp({ ms, counter, deviceId }: ParsedStamp): string {
  return `${String(ms).padStart(msWidth, '0')}:${String(counter).padStart(counterWidth, '0')}:${deviceId}`;
}

export function parseStamp(stamp: string): ParsedStamp {
  const match = /^(\d{15}):(\d{6}):(.+)$/.exec(stamp);
  if (!match) throw new Error(`Not a clock stamp: ${stamp}`);
  return { ms: Number(match[1]), counter: Number(match[2]), deviceId: match[3] as string };
}

export function createHybridLogicalClock(
  deviceId: string,
  wallClock: () => number = Date.now,
  latest: string | null = null,
): HybridLogicalClock {
  let ms = 0;
  let counter = 0;
  const advancePast = (other: ParsedStamp) => {
    if (other.ms > ms) {
      ms = other.ms;
      counter = other.counter;
    } else if (other.ms === ms && other.counter > counter) {
      counter = other.counter;
    }
  };
  if (latest) advancePast(parseStamp(latest));
  return {
    now() {
      const wall = wallClock();
      if (wall > ms) {
        ms = wall;
        counter = 0;
      } else {
        counter += 1;
      }
      return formatStamp({ ms, counter, deviceId });
    },
    receive(stamp) {
      advancePast(parseStamp(stamp));
    },
  };
}
