import { expect, test, type Browser } from '@playwright/test';

const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? 'admin@corridor.test';
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? 'harbour lights 2026';
const PASSWORD = 'ຢາງພາລາ ອັດຕະປື 2026';

async function mailedPath(browser: Browser, email: string): Promise<string> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await admin.goto('/account/signin?lang=en');
  await admin.getByLabel('E-mail').fill(ADMIN_EMAIL);
  await admin.getByLabel('Password').fill(ADMIN_PASSWORD);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.goto('/admin/mailbox?lang=en');
  const body = (await admin.getByRole('listitem').filter({ hasText: email }).first().locator('pre').textContent()) ?? '';
  await context.close();
  const link = body.match(/https?:\/\/\S+/);
  expect(link, `a link in the mail to ${email}`).not.toBeNull();
  const url = new URL(link![0]);
  return url.pathname + url.search;
}

test('a Lao trader creates an organisation and invites a colleague who joins it', async ({ page, browser }, testInfo) => {
  const stamp = `${testInfo.project.name}.${Date.now()}`;
  const owner = `owner.${stamp}@trade.la`;
  const colleague = `colleague.${stamp}@trade.la`;

  // Sign up and confirm.
  await page.goto('/account/signup?lang=en');
  await page.getByLabel('Your name').fill('Khamphone Sisouk');
  await page.getByLabel('E-mail').fill(owner);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.goto(await mailedPath(browser, owner));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Your e-mail address is confirmed.')).toBeVisible();

  // Create the organisation; a mistake first, which keeps what was typed.
  await page.getByRole('link', { name: 'Create an organisation' }).click();
  await page.getByLabel('Organisation name').fill(`Attapeu Rubber ${stamp}`);
  await page.getByLabel('Country').selectOption('LA');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByText('Choose one of the options.')).toBeVisible();
  await expect(page.getByLabel('Organisation name')).toHaveValue(`Attapeu Rubber ${stamp}`);
  await page.getByLabel('Type of organisation').selectOption('company');
  await page.getByLabel('Description (Lao)').fill('ຂາຍຢາງພາລາຈາກແຂວງອັດຕະປື');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Attapeu Rubber ${stamp}` })).toBeVisible();
  await expect(page.getByText('Organisation created. You are its owner.')).toBeVisible();
  await expect(page.getByText('ຂາຍຢາງພາລາຈາກແຂວງອັດຕະປື')).toBeVisible();

  // Invite a colleague as editor.
  await page.getByRole('link', { name: 'Members' }).click();
  await page.getByLabel('E-mail').fill(colleague);
  await page.getByLabel('Role').last().selectOption('editor');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('Invitation sent by e-mail')).toBeVisible();

  // The colleague opens the link, creates an account, and joins.
  const invitation = await mailedPath(browser, colleague);
  expect(invitation).toMatch(/^\/invitations\/accept\?token=/);
  const context = await browser.newContext({ javaScriptEnabled: testInfo.project.name !== 'no-js' });
  const other = await context.newPage();
  await other.goto('/account/signup?lang=en');
  await other.getByLabel('Your name').fill('Vilay Phommachanh');
  await other.getByLabel('E-mail').fill(colleague);
  await other.getByLabel('Password').fill(PASSWORD);
  await other.getByRole('button', { name: 'Create account' }).click();
  // The confirmation link (the newest mail to the colleague) signs the new account in.
  await other.goto(await mailedPath(browser, colleague));
  await other.getByRole('button', { name: 'Confirm' }).click();
  await expect(other.getByText('Your e-mail address is confirmed.')).toBeVisible();
  await other.goto(`${invitation}&lang=en`);
  await other.getByRole('button', { name: 'Accept the invitation' }).click();
  await expect(other.getByRole('heading', { level: 1, name: `Attapeu Rubber ${stamp}` })).toBeVisible();
  await expect(other.getByRole('link', { name: 'Edit organisation profile' })).toBeVisible();
  await context.close();

  await page.reload();
  await expect(page.getByText(colleague)).toBeVisible();
});
