// A request held at the simulator until a test releases it: the test can act at the exact moment a call is
// in flight (edit the customer while its verification waits for Partner Center) without guessing at timing.
export interface Hold {
  // Resolves when a held request has arrived.
  arrived: Promise<void>;
  released: Promise<void>;
  arrive(): void;
  release(): void;
}

export function holdNamed(holds: Map<string, Hold>, name: string): Hold {
  let hold = holds.get(name);
  if (!hold) {
    let arrive!: () => void;
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    hold = { arrived, released, arrive, release };
    holds.set(name, hold);
  }
  return hold;
}

// Lets every held request go (a reset must not leave one hanging).
export function releaseAllHolds(holds: Map<string, Hold>): void {
  for (const hold of holds.values()) hold.release();
  holds.clear();
}
