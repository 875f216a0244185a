// The steps a user takes again and again, written once for the e2e tests: clicks and typing only.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PartnerRole } from '../../../shared/domain/partner-profile';

// The simulator's partner tenant; any GUID works, the sandbox follows the saved profile.
export const sandboxPartnerTenantId = '0d9b2d24-6c1f-4a51-9b4a-3f6d5e2f1a01';

// The two partner profiles the e2e tests work as: a direct-bill partner, and an indirect provider (distributor).
export const directPartner = {
  role: 'direct',
  organizationName: 'Northwind Cloud Direct',
  requireBillingAddress: false,
} as const satisfies PartnerProfileInput;
export const distributorPartner = {
  role: 'indirect-provider',
  organizationName: 'Contoso Distribution',
  requireBillingAddress: false,
} as const satisfies PartnerProfileInput;

export interface PartnerProfileInput {
  role: PartnerRole;
  organizationName: string;
  requireBillingAddress: boolean;
}

export async function saveProfile(page: Page, profile: PartnerProfileInput): Promise<void> {
  await page.getByRole('heading', { name: 'Partner profile' }).waitFor();
  await page
    .getByRole('radio', { name: profile.role === 'direct' ? 'Direct-bill partner' : /Indirect provider/ })
    .check();
  await page.getByLabel('Organisation name').fill(profile.organizationName);
  await page.getByLabel('Partner tenant ID').fill(sandboxPartnerTenantId);
  const billing = page.getByRole('checkbox', { name: /Require the billing address/ });
  if ((await billing.isChecked()) !== profile.requireBillingAddress) await billing.click();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('button', { name: 'New customer' }).waitFor();
}

export interface ServiceDetailsInput {
  companyName: string;
  contactName: string;
  contactEmail: string;
  domainPrefix: string;
  resellerMpnId: string | null;
  billing: { addressLine1: string; city: string; postalCode: string; country: string } | null;
}

export async function fillServiceDetails(page: Page, input: ServiceDetailsInput): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /New customer/ });
  await dialog.waitFor();
  await dialog.getByLabel('Company name').fill(input.companyName);
  await dialog.getByLabel('Contact name').fill(input.contactName);
  await dialog.getByLabel('Contact email').fill(input.contactEmail);
  await dialog.getByLabel('Domain prefix').fill(input.domainPrefix);
  await dialog.getByRole('checkbox', { name: /already using Office 365 service/ }).check();
  const delegatedAdmin = dialog.getByRole('checkbox', { name: /Include delegated administration privileges/ });
  // Partner Center's own form checks it by default, and so must ours.
  if (!(await delegatedAdmin.isChecked())) throw new Error('The delegated-admin checkbox should be checked by default');
  if (input.resellerMpnId !== null) await dialog.getByLabel('Reseller MPN ID').fill(input.resellerMpnId);
  if (input.billing) {
    await dialog.getByLabel('Street address').fill(input.billing.addressLine1);
    await dialog.getByLabel('City').fill(input.billing.city);
    await dialog.getByLabel('Postal code').fill(input.billing.postalCode);
    await dialog.getByLabel('Country', { exact: true }).fill(input.billing.country);
  }
}

// How long an answer from the services (real HTTP to the simulator) may take on a busy machine.
const answerTimeoutMs = 30_000;

// Opens Verify (unless already open), sets the default domain (null keeps the pre-filled one),
// verifies, and returns the result text shown.
export async function verifyWith(
  page: Page,
  defaultDomain: string | null,
  options: { reuseDialog?: boolean } = {},
): Promise<string> {
  if (!options.reuseDialog) await page.getByRole('button', { name: 'Verify authorization' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verify authorization' });
  await dialog.waitFor();
  const field = dialog.getByLabel('Customer’s default domain');
  if (defaultDomain === null) {
    const prefilled = await field.inputValue();
    if (!prefilled.endsWith('.onmicrosoft.com')) throw new Error(`default domain not pre-filled: ${prefilled}`);
  } else {
    await field.fill(defaultDomain);
  }
  const previous = (await dialog.getByRole('status').count()) > 0 ? await dialog.getByRole('status').innerText() : null;
  await dialog.getByRole('button', { name: /^Verify/ }).click();
  const status = dialog.getByRole('status');
  await status.waitFor();
  if (previous !== null) {
    // Wait for the new answer to replace the old one (the status element stays; only its text changes).
    await expect.poll(() => status.innerText(), { timeout: answerTimeoutMs }).not.toBe(previous);
  }
  return status.innerText();
}

export async function acceptInSandbox(
  page: Page,
  options: { grantDelegatedAdmin?: boolean; associateReseller?: boolean; customDefaultDomain?: string },
): Promise<void> {
  const panel = page.getByRole('region', { name: 'Sandbox: act as the customer' });
  await panel.waitFor();
  const setBox = async (name: RegExp, value: boolean | undefined) => {
    const box = panel.getByRole('checkbox', { name });
    if ((await box.count()) === 0) return;
    if ((await box.isChecked()) !== (value ?? true)) await box.click();
  };
  await setBox(/Grant delegated admin/, options.grantDelegatedAdmin);
  await setBox(/Accept the reseller too/, options.associateReseller);
  if (options.customDefaultDomain) await panel.getByLabel(/Custom default domain/).fill(options.customDefaultDomain);
  await panel.getByRole('button', { name: 'Accept the invitation as the customer' }).click();
  await page.getByText('Sandbox: the customer accepted the invitation.').waitFor();
}
