// Exporting a long history from Reports: main streams it into the file (the save dialog's stand-in names it),
// the panel shows the rows written against the total, and Cancel stops it and leaves no file. The export is
// held between chunks by the harness (beforeExportChunk), so the Cancel lands at a known point.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from './harness/launch-app';
import { openDatabase } from '../../main/platform/db/connection';
import { databaseFileName } from '../../main/app/create-services';
import { seedHistory } from '../support/seed-history';

let app: AppHarness | null = null;
const dataDirs: string[] = [];
afterEach(async () => {
  await app?.close();
  app = null;
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// 45,000 events of 300 customers, written straight into the data folder's database before the app opens.
function seededDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'authdesk-e2e-export-'));
  dataDirs.push(dataDir);
  const db = openDatabase(join(dataDir, databaseFileName));
  seedHistory(db, 300, 45_000);
  db.close();
  return dataDir;
}

describe('CSV export with progress', () => {
  it('shows the rows written, and Cancel stops the export and leaves no file', async () => {
    let chunks = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    app = await launchApp({
      dataDir: seededDataDir(),
      // The second chunk waits until the test lets it go.
      beforeExportChunk: async () => {
        chunks++;
        if (chunks === 2) await held;
      },
    });
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click();
    await page.getByRole('radio', { name: 'All customers' }).check();
    await page.getByRole('button', { name: 'Export history' }).click();
    const panel = page.getByRole('region', { name: 'Export CSV' });
    await panel.getByRole('status').getByText('20,000 of 45,000 rows written').waitFor();
    const bar = panel.getByRole('progressbar', { name: 'Exporting' });
    expect([await bar.getAttribute('value'), await bar.getAttribute('max')]).toEqual(['20000', '45000']);
    expect(readdirSync(app.savedDir)).toEqual([expect.stringMatching(/^authdesk-history-all-.*\.csv\.partial$/)]);
    await panel.scrollIntoViewIfNeeded();
    await app.screenshot('export-progress');

    await panel.getByRole('button', { name: 'Cancel export' }).click();
    await panel.getByRole('button', { name: 'Cancelling…' }).waitFor();
    release();
    await page.getByText('Export cancelled: no file was saved.').waitFor();
    expect(readdirSync(app.savedDir)).toEqual([]);
    expect(await bar.count()).toBe(0);
  });

  it('writes every event into the file when left to finish', async () => {
    app = await launchApp({ dataDir: seededDataDir() });
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click();
    await page.getByRole('radio', { name: 'All customers' }).check();
    await page.getByRole('button', { name: 'Export history' }).click();
    const notice = page.getByText(/^authdesk-history-all-\d{4}-\d{2}-\d{2}\.csv: 45,000 events exported\.$/);
    await notice.waitFor();
    const file = join(app.savedDir, (await notice.innerText()).split(':')[0]!);
    expect(existsSync(`${file}.partial`)).toBe(false);
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe('Time,Company name,Event,Summary,Actor,Details,Customer ID');
    // 45,000 events, some of them two lines long inside their quotes, and the final line end.
    expect(lines.filter((line) => line.includes(',updated,'))).toHaveLength(45_000);
    expect(lines.at(-1)).toBe('');
  });
});
