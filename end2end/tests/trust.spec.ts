import { expect, test, type Browser, type Page } from '@playwright/test';

const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? 'admin@corridor.test';
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? 'harbour lights 2026';
const PASSWORD = 'ຢາງພາລາ ອັດຕະປື 2026';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/account/signin?lang=en');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A signed-in, confirmed account in its own browser context. */
async function confirmedAccount(browser: Browser, email: string, javaScriptEnabled: boolean): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await page.goto('/account/signup?lang=en');
  await page.getByLabel('Your name').fill(email.split('@')[0]);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.goto('/admin/mailbox?lang=en');
  const body = (await admin.getByRole('listitem').filter({ hasText: email }).first().locator('pre').textContent()) ?? '';
  await admin.context().close();
  const link = new URL(body.match(/https?:\/\/\S+/)![0]);
  await page.goto(link.pathname + link.search);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Your e-mail address is confirmed.')).toBeVisible();
  return page;
}

async function createOrganisation(page: Page, name: string, kind: string, country: string) {
  await page.goto('/orgs/new?lang=en');
  await page.getByLabel('Organisation name').fill(name);
  await page.getByLabel('Type of organisation').selectOption(kind);
  await page.getByLabel('Country').selectOption(country);
  await page.getByLabel('Description (English)').fill(`${name} trades across the border.`);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('a moderator verifies an organisation, an embassy endorses it, and a fake company is suspended', async ({ browser }, testInfo) => {
  const js = testInfo.project.name !== 'no-js';
  const stamp = `${testInfo.project.name}.${Date.now()}`;

  // A Lao trader asks for verification.
  const trader = await confirmedAccount(browser, `trader.${stamp}@coffee.la`, js);
  const company = `Bolaven Coffee ${stamp}`;
  await createOrganisation(trader, company, 'company', 'LA');
  const companyUrl = trader.url().split('?')[0];
  await trader.getByText('Ask for verification').click();
  await trader.getByLabel('Evidence (licence, issuing office, who can confirm it)').fill('Enterprise certificate 01-2024, Champasak DOIC');
  await trader.getByLabel('Registration number').fill('LA-CPS-0124');
  await trader.getByRole('button', { name: 'Send the request' }).click();
  await expect(trader.getByText('A verification request is waiting for a moderator.').first()).toBeVisible();

  // The moderator verifies it; the badge appears with its date.
  const moderator = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  await signIn(moderator, ADMIN_EMAIL, ADMIN_PASSWORD);
  await moderator.goto('/moderation?lang=en');
  const request = moderator.getByRole('listitem').filter({ hasText: company });
  await request.getByRole('button', { name: 'Verify' }).click();
  await trader.goto(`${companyUrl}?lang=en`);
  await expect(trader.getByText('Verified by Corridor on')).toBeVisible();

  // The Lao embassy's trade office endorses it.
  const officer = await confirmedAccount(browser, `officer.${stamp}@embassy.la`, js);
  const embassy = `Lao Trade Office ${stamp}`;
  await createOrganisation(officer, embassy, 'embassy', 'LA');
  await officer.goto(`${companyUrl}?lang=en`);
  await officer.getByRole('button', { name: 'Endorse this organisation' }).click();
  await expect(officer.getByText(`Endorsed by ${embassy}`)).toBeVisible();

  // A fake company is reported and suspended.
  const faker = await confirmedAccount(browser, `fake.${stamp}@scam.example`, js);
  const fake = `Totally Real Rubber ${stamp}`;
  await createOrganisation(faker, fake, 'company', 'VN');
  const fakeUrl = faker.url().split('?')[0];
  await trader.goto(`${fakeUrl}?lang=en`);
  await trader.getByText('Report this organisation').click();
  await trader.getByLabel('Reason').selectOption('fraud');
  await trader.getByLabel('What happened?').fill('Asked for a deposit by wire and vanished');
  await trader.getByRole('button', { name: 'Send the report' }).click();
  await expect(trader.getByText('Thank you; a moderator will look at the report.')).toBeVisible();

  await moderator.goto('/moderation?lang=en');
  await moderator.getByRole('listitem').filter({ hasText: fake }).getByRole('button', { name: 'Suspend' }).click();
  const response = await trader.goto(`${fakeUrl}?lang=en`);
  expect(response?.status()).toBe(404);
});
