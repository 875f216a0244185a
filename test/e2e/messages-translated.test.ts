// Messages written in English by shared/ (the form's zod schemas) and main (an import's errors) read in the
// screen's language: in German, the New customer form's validation and a broken CSV file's error.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchApp, type AppHarness } from './harness/launch-app';
import { distributorPartner, saveProfile } from './support/flows';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp();
  await saveProfile(app.page, distributorPartner);
  const { page } = app;
  await page.locator('.app-header nav button').nth(2).click();
  await page.locator('#uiLanguage').selectOption({ label: 'Deutsch' });
  await page.getByRole('button', { name: 'Warteschlange', exact: true }).click();
});
afterAll(async () => {
  await app?.close();
});

describe('messages from shared/ and main/ in German', () => {
  it('shows the New customer form’s validation messages in German', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Neuer Kunde', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Neuer Kunde/ });
    await dialog.waitFor();
    await dialog.getByLabel('E-Mail des Ansprechpartners').fill('not-an-email');
    await dialog.getByRole('button', { name: 'Speichern und Link abrufen' }).click();
    await dialog.getByText('Geben Sie den Firmennamen des Kunden ein.').waitFor();
    await dialog.getByText('Geben Sie eine gültige E-Mail-Adresse wie anna@contoso.com ein.').waitFor();
    await dialog.getByText('Geben Sie das Domänenpräfix ein (den Teil vor .onmicrosoft.com).').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows an error main sends about a CSV file in German, with its value', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'CSV importieren…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kunden aus CSV importieren' });
    await dialog.waitFor();
    const csv = ['Firma;Kontakt;E-Mail;Domain', 'Müller GmbH;"Jana Müller;jana@mueller.de;mueller'].join('\r\n');
    await dialog
      .getByLabel('CSV-Datei')
      .setInputFiles({ name: 'kaputt.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await dialog
      .getByText(
        /^Die Datei ist keine gültige CSV-Datei: Ein in Zeile \d+ geöffnetes Anführungszeichen wird nie geschlossen\.$/,
      )
      .waitFor();
    await page.keyboard.press('Escape');
  });
});
