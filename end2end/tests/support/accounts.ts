// Account and organisation set-up shared by the journeys: a signed-up, e-mail-confirmed user in
// its own browser context (JavaScript on or off like the project), and an organisation it owns.
import { expect, type Browser, type Page, type TestInfo } from '@playwright/test';

export const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? 'admin@corridor.test';
export const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? 'harbour lights 2026';
export const PASSWORD = 'ຢາງພາລາ ອັດຕະປື 2026';

/** Whether the project runs with JavaScript (the "hydrated" project) or without ("no-js"). */
export function jsEnabled(testInfo: TestInfo): boolean {
  return testInfo.project.name !== 'no-js';
}

/** A token unique to this run, project and test (both projects share one server database). */
export function uniqueStamp(testInfo: TestInfo): string {
  const random = Math.random().toString(36).slice(2, 7);
  return `${testInfo.project.name}.${Date.now()}.${random}`;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/account/signin?lang=en');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Reads the newest link mailed to `email` from the development mailbox, as an administrator. */
export async function mailedPath(browser: Browser, email: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const admin = await context.newPage();
    await signIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await admin.goto('/admin/mailbox?lang=en');
    const mail = admin.getByRole('listitem').filter({ hasText: email }).first();
    await expect(mail).toBeVisible();
    const body = (await mail.locator('pre').textContent()) ?? '';
    const link = body.match(/https?:\/\/\S+/);
    expect(link, `a link in the mail to ${email}`).not.toBeNull();
    const url = new URL(link![0]);
    return url.pathname + url.search;
  } finally {
    await context.close();
  }
}

/** A signed-in account with a confirmed e-mail address, in a browser context of its own. */
export async function confirmedAccount(
  browser: Browser,
  email: string,
  options: { javaScriptEnabled: boolean; name?: string },
): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled });
  const page = await context.newPage();
  await page.goto('/account/signup?lang=en');
  await page.getByLabel('Your name').fill(options.name ?? email.split('@')[0]);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/account\/signup\?sent=1/);
  await page.goto(await mailedPath(browser, email));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Your e-mail address is confirmed.')).toBeVisible();
  return page;
}

/** Creates an organisation owned by the signed-in user; returns its public path (/orgs/slug). */
export async function createOrganisation(page: Page, name: string, kind: string, country: 'VN' | 'LA'): Promise<string> {
  await page.goto('/orgs/new?lang=en');
  await page.getByLabel('Organisation name').fill(name);
  await page.getByLabel('Type of organisation').selectOption(kind);
  await page.getByLabel('Country').selectOption(country);
  await page.getByLabel('Description (English)').fill(`${name} trades across the border.`);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname;
}
