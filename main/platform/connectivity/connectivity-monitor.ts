// Whether Partner Center can be reached, as main knows it: every call's outcome reports in (a success means
// online, a network failure or timeout offline), and a light periodic probe of the Partner Center base URL
// notices the connection coming back while nothing else is calling. Changes are pushed to the window and to
// listeners (the outbox worker resumes on "online"). Nothing the user edits, searches or copies waits on it.
import { MicrosoftHttpError, isOfflineError } from '../http/microsoft-http-error';
import { AppError } from '../../../shared/ipc/ipc-error';
import { realTimers, type TimerHandle, type Timers } from '../clock/timers';

export interface ConnectivityMonitor {
  readonly online: boolean;
  // Reports a call's outcome: a success, or the error it failed with (only network failures mean offline).
  reportSuccess(): void;
  reportFailure(error: unknown): void;
  onChange(listener: (online: boolean) => void): () => void;
  // Probes now (the user pressed "Retry now", or a test wants an answer without waiting).
  probe(): Promise<boolean>;
  start(): void;
  stop(): void;
}

export interface ConnectivityOptions {
  // Resolves true when Partner Center answered at all (any HTTP status), false when it could not be reached.
  probe: () => Promise<boolean>;
  timers?: Timers;
  // A slow beat while online (calls report in anyway), a quicker one while offline to notice the return.
  onlineProbeMs?: number;
  offlineProbeMs?: number;
  emit?: (online: boolean) => void;
}

// A failure that says "not reachable" rather than "Microsoft answered no".
export function meansOffline(error: unknown): boolean {
  return isOfflineError(error) || (error instanceof AppError && error.code === 'offline');
}

export function createConnectivityMonitor(options: ConnectivityOptions): ConnectivityMonitor {
  const timers = options.timers ?? realTimers;
  const onlineProbeMs = options.onlineProbeMs ?? 60_000;
  const offlineProbeMs = options.offlineProbeMs ?? 5_000;
  const listeners = new Set<(online: boolean) => void>();
  let online = true;
  let timer: TimerHandle | null = null;
  let running = false;

  function set(next: boolean): void {
    if (next === online) return;
    online = next;
    options.emit?.(online);
    for (const listener of listeners) listener(online);
    // Probe sooner while offline: the beat follows the state.
    if (running) schedule();
  }

  function schedule(): void {
    timer?.cancel();
    // The probe's promise goes back to the timers: a hand-driven clock awaits it (real timers ignore it).
    timer = timers.after(online ? onlineProbeMs : offlineProbeMs, () =>
      probe().finally(() => {
        if (running) schedule();
      }),
    );
  }

  async function probe(): Promise<boolean> {
    const reachable = await options.probe().catch(() => false);
    set(reachable);
    return reachable;
  }

  return {
    get online() {
      return online;
    },
    reportSuccess: () => set(true),
    reportFailure(error) {
      if (meansOffline(error)) set(false);
      // Microsoft answered, if only to refuse: it is reachable.
      else if (error instanceof MicrosoftHttpError || (error instanceof AppError && error.code === 'partner-center')) {
        set(true);
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    probe,
    start() {
      if (running) return;
      running = true;
      schedule();
    },
    stop() {
      running = false;
      timer?.cancel();
      timer = null;
    },
  };
}

// The probe AuthDesk uses: a GET of the Partner Center base URL with a short timeout. Any answer, even 404 or
// 401, means the host is reachable; only a failed connection or a timeout means offline.
export function httpProbe(baseUrl: () => string | Promise<string>, timeoutMs = 5_000): () => Promise<boolean> {
  return async () => {
    try {
      const response = await fetch(await baseUrl(), { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
      await response.body?.cancel();
      return true;
    } catch {
      return false;
    }
  };
}
