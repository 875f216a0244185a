// Bundles page-bridge.ts (and the preload's buildApi with the contract) into one script for addInitScript.
import { buildSync } from 'esbuild';
import { resolve } from 'node:path';

let cached: string | null = null;

export function pageBridgeScript(): string {
  if (cached !== null) return cached;
  const result = buildSync({
    entryPoints: [resolve(__dirname, 'page-bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no page bridge');
  cached = output.text;
  return cached;
}
