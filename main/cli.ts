// The `authdesk` command line's entry (built to out/main/cli.js, started by bin/authdesk.js): the same
// services and data folder as the window, for scripts and scheduled runs. See cli/run-cli.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './cli/run-cli';

// out/main/cli.js sits two folders below package.json.
function packageVersion(): string {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    if (parsed && typeof parsed === 'object' && 'version' in parsed && typeof parsed.version === 'string') {
      return parsed.version;
    }
  } catch {
    // A missing package.json only costs the version number.
  }
  return '0.0.0';
}

runCli(process.argv.slice(2), { version: packageVersion() }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
