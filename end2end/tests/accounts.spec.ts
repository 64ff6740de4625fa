import { expect, test, type Browser, type Page } from '@playwright/test';

const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? 'admin@corridor.test';
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? 'harbour lights 2026';

/** An address unique to this run and project, so both projects can sign up. */
function address(name: string, project: string): string {
  return `${name}.${project}.${Date.now()}@trade.la`;
}

/** Reads the newest link mailed to `email` from the development mailbox, as an administrator. */
async function mailedLink(browser: Browser, email: string): Promise<string> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await admin.goto('/account/signin?lang=en');
  await admin.getByLabel('E-mail').fill(ADMIN_EMAIL);
  await admin.getByLabel('Password').fill(ADMIN_PASSWORD);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.goto('/admin/mailbox?lang=en');
  const mail = admin.getByRole('listitem').filter({ hasText: email }).first();
  await expect(mail).toBeVisible();
  const body = (await mail.locator('pre').textContent()) ?? '';
  await context.close();
  const link = body.match(/https?:\/\/\S+/);
  expect(link, `a link in the mail to ${email}`).not.toBeNull();
  return new URL(link![0]).pathname + new URL(link![0]).search;
}

async function signUp(page: Page, email: string) {
  await page.goto('/account/signup?lang=lo');
  await page.getByLabel('ຊື່ ແລະ ນາມສະກຸນ').fill('ສົມໃຈ ພົມມະວົງ');
  await page.getByLabel('ອີເມວ').fill(email);
  await page.getByLabel('ລະຫັດຜ່ານ').fill('ຢາງພາລາ ອັດຕະປື 2026');
  await page.getByRole('button', { name: 'ສ້າງບັນຊີ' }).click();
}

test('a Lao trader signs up, confirms the e-mail address and signs out', async ({ page, browser }, testInfo) => {
  const email = address('somchai', testInfo.project.name);
  await signUp(page, email);

  // Sign-up signs nobody in: it says to check the mail (the same for a taken address).
  await expect(page).toHaveURL(/\/account\/signup\?sent=1/);
  await expect(page.getByText('ກະລຸນາກວດເບິ່ງອີເມວ', { exact: false })).toBeVisible();

  const link = await mailedLink(browser, email);
  expect(link).toMatch(/^\/account\/confirm\?token=/);
  await page.goto(link);
  await page.getByRole('button', { name: 'ຢືນຢັນ' }).click();
  // The mailed link confirms the address and signs the trader in.
  await expect(page.getByText('ອີເມວຂອງທ່ານໄດ້ຮັບການຢືນຢັນແລ້ວ.', { exact: false })).toBeVisible();
  await expect(page.getByText('ຢືນຢັນແລ້ວ', { exact: true })).toBeVisible();
  // The header names the signed-in trader.
  await expect(page.getByRole('navigation', { name: 'ບັນຊີຂອງຂ້ອຍ' }).getByRole('link', { name: 'ສົມໃຈ ພົມມະວົງ' })).toBeVisible();

  await page.getByRole('button', { name: 'ອອກຈາກລະບົບ', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/');
  await expect(page.getByRole('link', { name: 'ເຂົ້າສູ່ລະບົບ' })).toBeVisible();
});

test('signing up with a taken address answers as for a new one, so nobody learns who has an account', async ({ page }, testInfo) => {
  const email = address('duplicate', testInfo.project.name);
  await signUp(page, email);
  await expect(page).toHaveURL(/\/account\/signup\?sent=1/);

  for (const candidate of [email, address('fresh', testInfo.project.name)]) {
    await page.goto('/account/signup?lang=en');
    await page.getByLabel('Your name').fill('Nguyễn Văn An');
    await page.getByLabel('E-mail').fill(candidate);
    await page.getByLabel('Password').fill('a different phrase 42');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/account\/signup\?sent=1/);
    await expect(page.getByText('Check your mail: we sent a message to the address you entered.', { exact: false })).toBeVisible();
    await expect(page.getByText('An account already uses this address')).toHaveCount(0);
  }
});

test('a mistake at sign-up is explained next to the field and the form keeps what was typed', async ({ page }) => {
  await page.goto('/account/signup?lang=en');
  await page.getByLabel('Your name').fill('Nguyễn Văn An');
  await page.getByLabel('E-mail').fill('an@trade.vn');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('The password needs at least 10 characters.')).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue('Nguyễn Văn An');
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Password')).toHaveValue('');
});

test('guessing a password gets refused with 429 after ten tries', async ({ page }, testInfo) => {
  const email = address('target', testInfo.project.name);
  await signUp(page, email);

  let last = 0;
  for (let attempt = 0; attempt < 11; attempt++) {
    await page.goto('/account/signin?lang=en');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(`wrong guess number ${attempt}`);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/account/signin') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    last = response.status();
    if (attempt < 10) expect(last, `attempt ${attempt}`).toBe(422);
  }
  expect(last).toBe(429);
  await expect(page.getByText(/Too many attempts\. Try again in \d+ minutes\./)).toBeVisible();
});
