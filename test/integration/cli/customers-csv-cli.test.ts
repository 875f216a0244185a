// The command line's CSV import and export and its conversion report, run in-process through runCli against a
// fresh data folder and the simulator: the same figures and CSV as the window.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run-cli';
import { startSimulator, type Simulator } from '../../../sandbox/start-simulator';
import { profileSetArgs, recordingCliIo, type CliRun } from '../../support/cli-fixtures';
import { makeTempDir } from '../../support/temp-dir';

let simulator: Simulator;
let data: ReturnType<typeof makeTempDir>;

async function authdesk(args: string[]): Promise<CliRun> {
  const terminal = recordingCliIo();
  const code = await runCli([...args, '--data-dir', data.dir], {
    io: terminal.io,
    env: { AUTHDESK_SIMULATOR_URL: simulator.url },
  });
  return terminal.output(code);
}

beforeAll(async () => {
  simulator = await startSimulator();
  data = makeTempDir();
});
afterAll(async () => {
  await simulator?.stop();
  data?.remove();
});

describe('authdesk customers import / export and report', () => {
  it('imports a CSV file, reports the funnel, and exports customers and history', async () => {
    const profile = await authdesk(profileSetArgs('indirect-provider'));
    expect(profile.code).toBe(0);
    const file = path.join(data.dir, 'customers.csv');
    const rejectedFile = path.join(data.dir, 'rejected.csv');
    writeFileSync(
      file,
      [
        '\uFEFFCompany name;Contact name;Email;Domain;Reseller MPN ID;Street;City;Postal code;Country',
        'Litware Inc;Anna Bell;anna@litware.com;litware;4391507;1 Main Street;Reading;RG1 1AA;GB',
        'Adatum;Ben Carter;ben@adatum.com;adatum;;2 High Street;Leeds;LS1 1AA;GB',
        'Broken;Nobody;broken;broken;;;;;',
      ].join('\r\n'),
    );
    const imported = await authdesk(['customers', 'import', file, '--rejected', rejectedFile]);
    expect(imported.stdout).toContain('Imported 2 customers, updated 0, skipped 0 already in AuthDesk, rejected 1.');
    expect(imported.stdout).toContain('Authorization links: 2 fetched, 0 waiting for the connection, 0 not yet.');
    expect(imported.stderr).toMatch(/Row 4: Contact email: Enter a valid email address/);
    // A rejected row makes the exit code say so, and the rows to fix are in the file.
    expect(imported.code).toBe(1);
    expect(readFileSync(rejectedFile, 'utf8')).toMatch(/^\uFEFFRow,Reason,Company name,/);

    const again = await authdesk(['customers', 'import', file]);
    expect(again.stdout).toContain('Imported 0 customers, updated 0, skipped 2 already in AuthDesk, rejected 1.');

    const report = await authdesk(['report']);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/Added\s+2\s+100\.0 %/);
    expect(report.stdout).toMatch(/Link sent\s+0\s+0\.0 %/);
    expect(report.stdout).toMatch(/Fabrikam IT Services \(4391507\)\s+1\s+0\s+0\s+0/);
    const json = JSON.parse((await authdesk(['report', '--json', '--from', '2000-01-01'])).stdout) as {
      conversion: { funnel: { added: number }; filter: { from: string } };
    };
    expect(json.conversion.funnel.added).toBe(2);
    expect(json.conversion.filter.from).toBe('2000-01-01');
    const badRange = await authdesk(['report', '--from', '2026-02-01', '--to', '2026-01-01']);
    expect(badRange.code).toBe(2);
    expect(badRange.stderr).toContain('The start date must be on or before the end date.');

    const customers = await authdesk(['customers', 'export']);
    expect(customers.code).toBe(0);
    const lines = customers.stdout.trim().split('\r\n');
    expect(lines[0]).toMatch(/^Company name,Contact name,Contact email,Domain prefix,/);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['Litware Inc', 'Adatum']);
    const linkReady = await authdesk([
      'customers',
      'export',
      '--status',
      'link-ready',
      '--out',
      path.join(data.dir, 'c.csv'),
    ]);
    expect(linkReady.stderr).toContain('2 rows written to');
    const history = await authdesk(['customers', 'export', '--history']);
    expect(history.stdout.split('\r\n').filter((line) => line.includes(',link-generated,'))).toHaveLength(2);
    const badStatus = await authdesk(['customers', 'export', '--status', 'nope']);
    expect(badStatus.code).toBe(2);
  });
});
