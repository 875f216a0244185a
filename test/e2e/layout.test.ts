// The layout at the sizes people use: a 1024x700 laptop window and a 1920x1080 monitor. Company and Status are
// never cut, the header stays put after actions, Settings uses the window, and notices never cover a button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, type AppHarness } from './harness/launch-app';
import { distributorPartner, saveProfile } from './support/flows';
import { seedIndirectCustomer, type SeedStage } from './support/seeded-customers';

let app: AppHarness;

const stages: SeedStage[] = ['sent', 'link-ready', 'sent', 'needs-attention', 'sent', 'authorized'];
const names = ['Northwind Traders', 'Contoso Pharmaceuticals', 'Wide World Importers', 'Fourth Coffee'];

beforeAll(async () => {
  app = await launchApp();
  await saveProfile(app.page, distributorPartner);
  for (let index = 0; index < 24; index += 1) {
    await seedIndirectCustomer(app, {
      companyName: `${names[index % names.length] ?? 'Customer'} ${index + 1}`,
      domainPrefix: `layout${index + 1}`,
      resellerMpnId: '4391507',
      stage: stages[index % stages.length] ?? 'sent',
    });
  }
  await app.page.reload();
  await app.page.getByRole('button', { name: 'New customer' }).waitFor();
});
afterAll(async () => {
  await app?.close();
});

// Cells whose text does not fit (the browser cuts them with an ellipsis).
async function cutCells(page: Page, column: number): Promise<string[]> {
  return page.locator(`.queue-table tbody tr > :nth-child(${column})`).evaluateAll((cells) =>
    cells
      .filter((cell) => {
        const content = (cell.firstElementChild as HTMLElement | null) ?? (cell as HTMLElement);
        return content.scrollWidth > (cell as HTMLElement).clientWidth + 1 || cell.clientWidth === 0;
      })
      .map((cell) => cell.textContent ?? ''),
  );
}

// Visible buttons in the window whose box a notice covers.
async function buttonsUnderNotices(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // What shows of each notice: its box clipped to the header slot that holds them.
    const slot = document.querySelector('.header-notices')?.getBoundingClientRect();
    const notices = [...document.querySelectorAll('.notice')]
      .map((notice) => notice.getBoundingClientRect())
      .map((box) =>
        slot
          ? new DOMRect(
              box.x,
              Math.max(box.y, slot.y),
              box.width,
              Math.min(box.bottom, slot.bottom) - Math.max(box.y, slot.y),
            )
          : box,
      )
      .filter((box) => box.height > 0);
    const overlaps = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return [...document.querySelectorAll<HTMLElement>('button, a, input, select')]
      .filter((element) => !element.closest('.notice') && element.offsetParent !== null)
      .filter((element) => notices.some((box) => overlaps(box, element.getBoundingClientRect())))
      .map((element) => element.textContent?.trim() || element.getAttribute('aria-label') || element.tagName);
  });
}

describe('layout at 1024x700', () => {
  it('gives Company and Status their whole text, folding the columns one can do without', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await expect.poll(() => page.locator('.queue-table tbody tr').count()).toBeGreaterThan(8);
    // Company is the second column (after the checkbox), Status the fifth.
    expect(await cutCells(page, 2)).toEqual([]);
    expect(await cutCells(page, 5)).toEqual([]);
    await expect.poll(() => page.getByRole('columnheader', { name: 'Owner' }).isVisible()).toBe(false);
    // Nothing scrolls sideways.
    const sideways = await page
      .locator('.queue-scroll')
      .evaluate((element) => element.scrollWidth > element.clientWidth + 1);
    expect(sideways).toBe(false);
    await app.screenshot('layout-queue-1024');
  });

  it('folds the secondary filters behind Filters, which counts those in use, so the toolbar keeps to one line', async () => {
    const { page } = app;
    const owner = page.getByLabel('Owner filter');
    expect(await owner.isVisible()).toBe(false);
    const toggle = page.getByRole('button', { name: 'Filters', exact: true });
    await toggle.click();
    await owner.waitFor();
    await page.getByLabel('Follow-up filter').selectOption('due');
    await page.getByRole('button', { name: 'Filters (1)' }).click();
    await owner.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Filters (1)' }).click();
    await page.getByLabel('Follow-up filter').selectOption('any');
    await toggle.click();
    await expect.poll(() => page.locator('.queue-table tbody tr').count()).toBeGreaterThan(8);
  });

  it('closes the results of a bulk action that did everything, giving the rows back', async () => {
    const { page } = app;
    await page.getByRole('checkbox', { name: /^Select Northwind Traders 1$/ }).click();
    await page.getByRole('checkbox', { name: /^Select Northwind Traders 5$/ }).click();
    await page.getByRole('button', { name: 'Copy links' }).click();
    await page.getByRole('status').filter({ hasText: 'Copy links: 2 done' }).first().waitFor();
    expect(await page.getByRole('region', { name: 'Copy links progress' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Clear selection' }).click();
  });

  it('shows notices where they cover no button, and keeps the header in place after actions', async () => {
    const { page } = app;
    await page.locator('.queue-table tbody tr').first().click();
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'copied' }).first().waitFor();
    expect(await buttonsUnderNotices(page)).toEqual([]);
    const headerTop = await page.locator('.app-header').evaluate((header) => header.getBoundingClientRect().top);
    expect(headerTop).toBe(0);
    await app.screenshot('layout-customer-1024');
  });
});

describe('layout at 1920x1080', () => {
  it('lays Settings out across the window instead of a narrow column', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Settings' }).click();
    const profile = page.locator('form[aria-labelledby="profile-title"]');
    const language = page.locator('section[aria-labelledby="language-title"]');
    await profile.waitFor();
    const [profileBox, languageBox] = await Promise.all([profile.boundingBox(), language.boundingBox()]);
    // Side by side: the second panel starts to the right of the first, on the same row.
    expect(languageBox && profileBox && languageBox.x > profileBox.x + profileBox.width).toBe(true);
    expect(languageBox && profileBox && Math.abs(languageBox.y - profileBox.y) < 2).toBe(true);
    await app.screenshot('layout-settings-1920');
  });
});
