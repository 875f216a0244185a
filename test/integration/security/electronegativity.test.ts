// Scans the Electron code with Doyensec's electronegativity: no high-severity finding is allowed.
// Medium and low findings are printed for review (e.g. "review the use of openExternal": ours goes through
// main/platform/security/external-url-policy.ts).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version;

interface Finding {
  check: string;
  severity: string;
  file: string;
}

// The global checks (navigation limits, permission handler, CSP) look across the whole app, so the app's
// sources are scanned together, as one project, without node_modules.
function scanApp(): Finding[] {
  const work = mkdtempSync(join(tmpdir(), 'authdesk-scan-'));
  const app = join(work, 'app');
  for (const folder of ['main', 'preload', 'renderer', 'shared'])
    cpSync(join(root, folder), join(app, folder), { recursive: true });
  cpSync(join(root, 'package.json'), join(app, 'package.json'));
  const output = join(work, 'findings.csv');
  execFileSync(
    join(root, 'node_modules/.bin/electronegativity'),
    ['-i', app, '-o', output, '-r', '-v', 'false', '-e', electronVersion],
    { cwd: work, stdio: 'pipe', timeout: 180_000 },
  );
  const [, ...rows] = readFileSync(output, 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [check = '', severity = '', , file = ''] = row.split(',');
    return { check, severity: severity.replace(/"/g, ''), file: file.replace(/"/g, '') };
  });
}

describe('electronegativity', () => {
  let findings: Finding[] = [];
  beforeAll(() => {
    findings = scanApp();
    for (const finding of findings) console.info(`[${finding.severity}] ${finding.check} ${finding.file}`);
  }, 240_000);

  it('finds nothing of high or critical severity in the app', () => {
    expect(findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'CRITICAL')).toEqual([]);
  });

  it('really parses our window code (it reports the preload it finds there)', () => {
    expect(
      findings.some((finding) => finding.check === 'PRELOAD_JS_CHECK' && finding.file.includes('create-main-window')),
    ).toBe(true);
  });
});
