// Bundles a child process's entry (a desktop a test kills, a desktop of the chaos run) into one CommonJS file
// that plain `node` runs: main's code imports its SQL migrations
// with Vite's `?raw`, which esbuild learns here (the file's text as a string). Native modules stay external and
// are found through NODE_PATH.
import { build, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const rawText: Plugin = {
  name: 'raw-text',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.replace(/\?raw$/, '')),
      namespace: 'raw-text',
    }));
    build.onLoad({ filter: /.*/, namespace: 'raw-text' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

export const repositoryRoot = path.resolve(__dirname, '../..');

export async function bundleChild(outfile: string, entry: string): Promise<string> {
  // Plugins need esbuild's asynchronous API.
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    external: ['better-sqlite3', '@napi-rs/keyring', 'electron', 'nodemailer', 'smtp-server', 'mailparser'],
    plugins: [rawText],
    logLevel: 'silent',
  });
  if (result.errors.length > 0) throw new Error(result.errors.map((error) => error.text).join('\n'));
  return outfile;
}
