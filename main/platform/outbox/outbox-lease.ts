// Who runs an outbox item, and until when. Each worker is a lease owner ("host:pid:random"); an item it claims is
// leased to it for a while and renewed while it runs. An item left running belongs to nobody any more when its
// lease ran out, when it has no owner (written before leases), or when its owner was a process on this computer
// that has ended (killed, crashed) or a worker of this process that has stopped: only then is it taken back.
import { randomUUID } from 'node:crypto';
import os from 'node:os';

const liveOwners = new Set<string>();

export interface LeaseOwner {
  id: string;
  // While started, its leases are its own; once stopped, what it left running may be taken back.
  start(): void;
  stop(): void;
}

export function createLeaseOwner(): LeaseOwner {
  const id = `${os.hostname()}:${process.pid}:${randomUUID()}`;
  return {
    id,
    start: () => void liveOwners.add(id),
    stop: () => void liveOwners.delete(id),
  };
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function isAbandoned(lease: { owner: string | null; expiresAt: string | null }, now: Date): boolean {
  if (lease.owner === null || lease.expiresAt === null) return true;
  if (lease.expiresAt < now.toISOString()) return true;
  const [host, pidText] = lease.owner.split(':');
  if (host !== os.hostname()) return false;
  const pid = Number(pidText);
  if (pid === process.pid) return !liveOwners.has(lease.owner);
  return !Number.isInteger(pid) || !processIsRunning(pid);
}
