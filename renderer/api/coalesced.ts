// A refresh that many events may ask for at once (a bulk action changes thousands of customers, each with its
// own customerChanged): one run in flight and at most one more after it, however many asked meanwhile.
export function coalesced(run: () => Promise<void>): () => Promise<void> {
  let inFlight: Promise<void> | null = null;
  let again = false;
  const start = (): Promise<void> => {
    inFlight = run().finally(() => {
      inFlight = null;
      if (again) {
        again = false;
        void start();
      }
    });
    return inFlight;
  };
  return () => {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    return start();
  };
}
