// When an outbox item left running may be taken back: no lease, a lease run out, a stopped worker of this
// process, or a process on this computer that has ended; never while its owner still runs it.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { createLeaseOwner, isAbandoned } from '../../../../main/platform/outbox/outbox-lease';

const now = new Date('2026-12-03T10:00:00.000Z');
const later = '2026-12-03T10:01:00.000Z';
const earlier = '2026-12-03T09:59:00.000Z';

describe('outbox leases', () => {
  it('takes back an item with no lease or a lease that ran out, whoever held it', () => {
    expect(isAbandoned({ owner: null, expiresAt: null }, now)).toBe(true);
    expect(isAbandoned({ owner: 'elsewhere:42:x', expiresAt: earlier }, now)).toBe(true);
    // Another computer's live lease: its process cannot be asked, so the lease decides.
    expect(isAbandoned({ owner: 'elsewhere:42:x', expiresAt: later }, now)).toBe(false);
  });

  it("leaves a running worker's items alone, and takes them back once it has stopped", () => {
    const owner = createLeaseOwner();
    owner.start();
    expect(isAbandoned({ owner: owner.id, expiresAt: later }, now)).toBe(false);
    owner.stop();
    expect(isAbandoned({ owner: owner.id, expiresAt: later }, now)).toBe(true);
  });

  it('takes back the items of a process on this computer once it has ended', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const owner = `${os.hostname()}:${child.pid}:other-process`;
    expect(isAbandoned({ owner, expiresAt: later }, now)).toBe(false);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(isAbandoned({ owner, expiresAt: later }, now)).toBe(true);
  });
});
