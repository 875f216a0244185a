// Opt-in CPU profiles for the benches (BENCH_PROFILE_DIR): main's side through node:inspector in this process,
// the renderer's through a Playwright CDP session. Writes .cpuprofile files (open them in Chrome DevTools'
// Performance panel) and prints the functions with the most self time. Bench code only: never in the app.
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

// Self time per function (name, file, line), from the sample deltas; the top ones as printable lines.
export function topSelfTime(profile: CpuProfile, count = 15): string[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let index = 0; index < samples.length; index++) {
    const node = byNode.get(samples[index] ?? -1);
    if (!node) continue;
    // A sample's time is the delta to the next one.
    const micros = deltas[index + 1] ?? 0;
    const frame = node.callFrame;
    const file = frame.url ? `${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${file}`.trim();
    self.set(key, (self.get(key) ?? 0) + micros);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([key, micros]) =>
        `    ${(micros / 1000).toFixed(1).padStart(8)} ms ${((micros / 10 / total) | 0).toString().padStart(3)}%  ${key}`,
    )
    .concat(`    (profile spans ${total.toFixed(0)} ms)`);
}

function write(dir: string, name: string, profile: CpuProfile): void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log([`  ${name}: ${file}, top self time:`, ...topSelfTime(profile)].join('\n'));
}

// Main's side: the services run in this very process (the harness), so profile it.
export async function profileMain(dir: string | undefined): Promise<(name: string) => Promise<void>> {
  if (!dir) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async (name) => {
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    session.disconnect();
    write(dir, name, profile);
  };
}

// The renderer: start before the load, stop once the queue is interactive.
export async function profileRenderer(
  dir: string | undefined,
  cdp: () => Promise<CDPSession>,
): Promise<(name: string) => Promise<void>> {
  if (!dir) return async () => undefined;
  const session = await cdp();
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  return async (name) => {
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await session.detach();
    write(dir, name, profile);
  };
}
