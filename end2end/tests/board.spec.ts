import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, jsEnabled, signIn } from './support/accounts';

// Issue #12, the border market board: a border resident with no organisation and no e-mail
// makes an account with a phone number on the Cầu Treo board, posts a notice in Lao, and a
// moderator approves it; then everyone sees it with the number to call. Hydrated and without JS.
test('a resident posts on the Cầu Treo board and a moderator approves it', async ({ browser }, testInfo) => {
  const js = jsEnabled(testInfo);
  const digits = String(Date.now()).slice(-8);
  const phone = `+856 20 ${digits}`;
  const text = `ຂາຍກ້ວຍ 2 ໂຕນ ${testInfo.project.name} ${digits}`;

  // The resident finds the board from the gate page, in Lao, and joins with a phone number.
  const resident = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  await resident.goto('/gates/cau-treo?lang=lo');
  await resident.getByRole('link', { name: 'ກະດານຕະຫຼາດຊາຍແດນ' }).first().click();
  await expect(resident.getByRole('heading', { level: 1 })).toContainText('ກະດານຕະຫຼາດຊາຍແດນ');
  await resident.getByRole('link', { name: 'ບໍ່ມີບັນຊີ? ສ້າງດ້ວຍຊື່ ແລະ ເບີໂທ' }).click();
  await resident.getByLabel('ຊື່ ແລະ ນາມສະກຸນ').fill('ນາງ ດາວ');
  await resident.getByLabel('ເບີໂທ ຫຼື ອີເມວ').fill(phone);
  await resident.getByLabel('ລະຫັດຜ່ານ').fill('ກ້ວຍ ແລະ ໝາກມ່ວງ 2026');
  await resident.getByRole('button', { name: 'ສ້າງບັນຊີ' }).click();
  await expect(resident.getByText('ບັນຊີພ້ອມແລ້ວ')).toBeVisible();

  // The form knows the number; the resident writes the notice and sends it for checking.
  await expect(resident.getByLabel('ເບີໂທຕິດຕໍ່')).toHaveValue(`+85620${digits}`);
  await resident.getByLabel('ປະເພດປະກາດ').selectOption('sell');
  await resident.getByLabel('ເນື້ອໃນ (ບໍ່ເກີນ 300 ຕົວອັກສອນ)').fill(text);
  await resident.getByLabel('ຈຳນວນ').fill('2 ໂຕນ');
  await resident.getByRole('button', { name: 'ສົ່ງໃຫ້ກວດກາ' }).click();
  await expect(resident.getByText('ປະກາດຂອງທ່ານລໍຖ້າການກວດກາ')).toBeVisible();
  await expect(resident.locator('.board-mine')).toContainText(text);
  await expect(resident.locator('.board-mine')).toContainText('ລໍຖ້າການກວດກາ');

  // Not on the public board yet.
  const reader = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  await reader.goto('/gates/cau-treo/board?lang=vi');
  await expect(reader.locator('li.board-notice').filter({ hasText: text })).toHaveCount(0);

  // A moderator finds it in the queue and approves it.
  const moderator = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  await signIn(moderator, ADMIN_EMAIL, ADMIN_PASSWORD);
  await moderator.goto('/moderation?lang=en');
  const waiting = moderator.getByRole('listitem').filter({ hasText: text });
  await expect(waiting).toContainText('Cầu Treo');
  await waiting.getByRole('button', { name: 'Approve' }).click();
  await expect(moderator.getByText('Approved: the notice is on the board.')).toBeVisible();

  // On the board for a Vietnamese reader, with the number to call.
  await reader.goto('/gates/cau-treo/board?lang=vi');
  const notice = reader.locator('li.board-notice').filter({ hasText: text });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('link', { name: /Gọi/ })).toHaveAttribute('href', `tel:+85620${digits}`);
  await expect(notice).toContainText('Bán');
  await expect(notice).toContainText('ນາງ ດາວ');
  // The resident sees it on the board too, and can take it down.
  await resident.goto('/gates/cau-treo/board?lang=lo');
  await expect(resident.locator('.board-mine')).toContainText('ສະແດງຢູ່ກະດານ');
  await resident.locator('.board-mine').getByRole('button', { name: 'ຖອນປະກາດ' }).click();
  await expect(resident.getByText('ຖອນປະກາດຂອງທ່ານແລ້ວ.')).toBeVisible();
  await reader.goto('/gates/cau-treo/board?lang=vi');
  await expect(reader.locator('li.board-notice').filter({ hasText: text })).toHaveCount(0);
});
