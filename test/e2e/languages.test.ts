// AuthDesk in its users' languages: the language follows this desktop's choice in Settings (and stays after a
// restart), every screen shown reads in it with no raw key, the document says which language it is, and axe
// finds nothing serious in any shipped language. Screenshots of the queue and a customer in Greek and German.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageNativeNames, shippedLanguages } from '../../shared/domain/languages';
import { launchApp, type AppHarness } from './harness/launch-app';
import { seriousViolations } from './support/axe';
import { distributorPartner, saveProfile } from './support/flows';
import { seedIndirectCustomer } from './support/seeded-customers';

let app: AppHarness;

// The header's navigation, as each language names it: proof the screen really switched.
const queueWord: Record<(typeof shippedLanguages)[number], string> = {
  en: 'Queue',
  de: 'Warteschlange',
  fr: 'File d’attente',
  es: 'Cola',
  it: 'Coda',
  nl: 'Wachtrij',
  pt: 'Fila',
  pl: 'Kolejka',
  el: 'Ουρά',
};

beforeAll(async () => {
  app = await launchApp();
  await saveProfile(app.page, distributorPartner);
  const customers = [
    { companyName: 'Ηλιάδης & Υιοί Α.Ε.', domainPrefix: 'iliadis', resellerMpnId: '4391507', stage: 'needs-attention' },
    { companyName: 'Müller & Söhne GmbH', domainPrefix: 'muellersoehne', resellerMpnId: '4391507', stage: 'sent' },
    { companyName: 'Fourth Coffee', domainPrefix: 'fourthcoffee', resellerMpnId: '', stage: 'link-ready' },
    { companyName: 'Wide World Importers', domainPrefix: 'wideworld', resellerMpnId: '5123456', stage: 'authorized' },
  ] as const;
  for (const customer of customers) await seedIndirectCustomer(app, customer);
  await app.page.reload();
  await app.page.getByRole('button', { name: 'New customer' }).waitFor();
});
afterAll(async () => {
  await app?.close();
});

async function chooseLanguage(name: string): Promise<void> {
  const { page } = app;
  await page.locator('.app-header nav button').nth(2).click();
  await page.locator('#uiLanguage').selectOption({ label: name });
}

// Text that looks like an i18next key or an unfilled placeholder: a catalog entry the screen could not find.
async function rawKeys(): Promise<string[]> {
  const text = await app.page.locator('#root').innerText();
  return text.split('\n').filter((line) => /\{\{|\b[a-z]+(?:[A-Z][a-z]+)+\.[a-z]+[A-Za-z]*\b|^[a-z]+:[a-z]/.test(line));
}

describe('languages', () => {
  it('switches the screens to the language chosen in Settings and keeps it after a restart', async () => {
    const { page } = app;
    await chooseLanguage('Deutsch');
    await page.getByRole('button', { name: 'Warteschlange' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    // A restart opens a new page: read it from the harness again.
    await app.restart();
    await app.page.getByRole('button', { name: 'Warteschlange' }).waitFor();
    await chooseLanguage('English');
    await app.page.getByRole('button', { name: 'Queue' }).waitFor();
  });

  for (const language of shippedLanguages) {
    it(`${languageNativeNames[language]}: the queue and a customer read in it, with no raw key and nothing serious for axe`, async () => {
      const { page } = app;
      await chooseLanguage(languageNativeNames[language]);
      await page.getByRole('button', { name: queueWord[language], exact: true }).click();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      await page.locator('.queue-table tbody tr').first().waitFor();
      expect(await rawKeys()).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('.queue-table tbody tr').filter({ hasText: 'Ηλιάδης' }).click();
      await page.locator('.customer-view h1').filter({ hasText: 'Ηλιάδης' }).waitFor();
      expect(await rawKeys()).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      // The checks main made read in the language too (main sends their catalog keys).
      if (language === 'el') {
        await page.locator('.customer-view').getByText('Παραχωρήθηκε εκχωρημένη διαχείριση').first().waitFor();
      }
      if (language === 'el' || language === 'de') {
        for (const [width, height] of [
          [1024, 700],
          [1920, 1080],
        ] as const) {
          await page.setViewportSize({ width, height });
          await app.screenshot(`customer-${language}-${width}`);
        }
        await page.setViewportSize({ width: 1360, height: 900 });
      }
    });
  }
});
