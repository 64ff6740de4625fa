// Listings (issue #5): posting commodities, opportunities and routes, browsing with filters,
// reading in another language, CSV import and form validation. Every journey runs hydrated and
// with JavaScript disabled: all of it is plain HTML forms and links.
import { expect, test, type Page } from '@playwright/test';
import { confirmedAccount, createOrganisation, jsEnabled, uniqueStamp } from './support/accounts';

/** Clicks a submit button and returns the status of the POST it sends. */
async function submit(page: Page, button: string, path: string | RegExp): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => {
      const url = new URL(r.url());
      const matches = typeof path === 'string' ? url.pathname === path : path.test(url.pathname);
      return matches && r.request().method() === 'POST';
    }),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return response.status();
}

/** The id of the listing whose detail page is open. */
function listingId(page: Page): string {
  const match = new URL(page.url()).pathname.match(/^\/listings\/(\d+)$/);
  expect(match, `a listing page, not ${page.url()}`).not.toBeNull();
  return match![1];
}

/** A date `days` from today, as YYYY-MM-DD. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test('a Vietnamese steel exporter posts an HS 7208 offer and finds it under HS chapter 72', async ({ browser }, testInfo) => {
  const stamp = uniqueStamp(testInfo);
  const page = await confirmedAccount(browser, `thep.${stamp}@thephatinh.vn`, {
    javaScriptEnabled: jsEnabled(testInfo),
    name: 'Nguyễn Văn Thành',
  });
  const company = `Thép Hà Tĩnh ${stamp}`;
  await createOrganisation(page, company, 'company', 'VN');
  const title = `Thép cuộn cán nóng SS400 ${stamp}`;

  // The form, in Vietnamese.
  await page.goto('/listings/new?kind=commodity&lang=vi');
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng tin mới — Hàng hóa' })).toBeVisible();
  await expect(page.getByLabel('Đăng với tư cách')).toContainText(company);
  await page.getByLabel('Tiêu đề (tiếng Việt)').fill(title);
  await page.getByLabel('Loại tin', { exact: true }).selectOption('offer');
  await page.getByLabel('Mã HS').fill('7208');
  await page.getByLabel('Số lượng').fill('500');
  await page.getByLabel('Đơn vị', { exact: true }).selectOption('t');
  await page.getByLabel('Giá (mỗi đơn vị)').fill('610');
  await page.getByLabel('Tiền tệ').selectOption('USD');
  await page.getByLabel('Tỉnh xuất phát').selectOption('vn-ha-tinh');
  await page.getByLabel('Tỉnh đến').selectOption('la-bolikhamxay');
  await page.getByRole('group', { name: 'Cửa khẩu' }).getByLabel('Cầu Treo').check();
  await page.getByLabel('Mô tả (tiếng Việt)').fill('Giao hàng hằng tháng qua cửa khẩu Cầu Treo.');
  expect(await submit(page, 'Đăng tin', '/listings/new')).toBe(303);

  // The detail page: the HS heading written the customs way, with its Vietnamese description.
  await expect(page).toHaveURL(/\/listings\/\d+\?notice=saved/);
  await expect(page.getByRole('status')).toHaveText('Đã lưu tin.');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const facts = page.locator('dl.facts');
  await expect(facts.getByText('72.08', { exact: true })).toBeVisible();
  await expect(
    facts.getByText('Các sản phẩm sắt hoặc thép không hợp kim được cán phẳng, có chiều rộng từ 600 mm trở lên', { exact: false }),
  ).toBeVisible();
  await expect(facts).toContainText('Chương HS 72: Sắt và thép');
  await expect(facts).toContainText('500 tấn');
  await expect(facts).toContainText('610 USD / tấn');
  await expect(page.getByRole('link', { name: 'Cầu Treo' })).toBeVisible();
  await expect(page.getByText(company).first()).toBeVisible();

  // Browse commodities, filtered by HS chapter 72 with the filter form.
  await page.goto('/listings?kind=commodity');
  await page.getByLabel('Chương HS').selectOption('72');
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  await expect(page).toHaveURL(/[?&]hs_chapter=72(&|$)/);
  await expect(page.getByLabel('Chương HS')).toHaveValue('72');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
  await expect(card).toBeVisible();
  await expect(card).toContainText('HS 72.08');
  await expect(card).toContainText('Chào bán');
  await expect(card).toContainText('500 tấn · 610 USD / tấn');
  await expect(card).toContainText('Cửa khẩu: Cầu Treo');

  // Another chapter does not show it.
  await page.getByLabel('Chương HS').selectOption('40');
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  await expect(page).toHaveURL(/[?&]hs_chapter=40(&|$)/);
  await expect(page.getByLabel('Chương HS')).toHaveValue('40');
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);

  // Following the card opens the listing.
  await page.goto('/listings?kind=commodity&hs_chapter=72');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.context().close();
});

test('a Lao rubber buyer posts a wanted listing in Lao only, and an English reader sees it labelled as Lao', async ({ browser }, testInfo) => {
  const js = jsEnabled(testInfo);
  const stamp = uniqueStamp(testInfo);
  const page = await confirmedAccount(browser, `yang.${stamp}@attapeu.la`, { javaScriptEnabled: js, name: 'ສົມໃຈ ພົມມະວົງ' });
  await createOrganisation(page, `Attapeu Rubber Buyers ${stamp}`, 'company', 'LA');
  // Lao script and digits only: the title is written in Lao and nothing else.
  const number = `${Date.now() % 1_000_000}${Math.floor(Math.random() * 1000)}`;
  const title = `ຕ້ອງການຊື້ຢາງພາລາ ${number} ໂຕນ`;

  await page.goto('/listings/new?kind=commodity&lang=lo');
  await expect(page.getByRole('heading', { level: 1, name: 'ສ້າງປະກາດໃໝ່ — ສິນຄ້າ' })).toBeVisible();
  await page.getByLabel('ຫົວຂໍ້ (ພາສາລາວ)', { exact: true }).fill(title);
  await page.getByLabel('ປະເພດປະກາດ', { exact: true }).selectOption('wanted');
  await page.getByLabel('ລະຫັດ HS').fill('4001');
  await page.getByLabel('ຈຳນວນ', { exact: true }).fill('200');
  await page.getByLabel('ຫົວໜ່ວຍ', { exact: true }).selectOption('t');
  await page.getByLabel('ແຂວງປາຍທາງ').selectOption('la-attapeu');
  await page.getByLabel('ຄຳອະທິບາຍ (ພາສາລາວ)').fill('ຕ້ອງການຢາງພາລາແຜ່ນ ສົ່ງທີ່ແຂວງອັດຕະປື ທຸກເດືອນ.');
  expect(await submit(page, 'ເຜີຍແຜ່', '/listings/new')).toBe(303);
  await expect(page.getByRole('status')).toHaveText('ບັນທຶກປະກາດແລ້ວ.');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // The author reads it in Lao: no "written in" label.
  await expect(page.getByText('ຕົ້ນສະບັບຂຽນເປັນ')).toHaveCount(0);
  const id = listingId(page);
  await page.context().close();

  // An English reader, not signed in.
  const context = await browser.newContext({ javaScriptEnabled: js });
  const reader = await context.newPage();
  await reader.goto(`/listings/${id}?lang=en`);
  await expect(reader.locator('html')).toHaveAttribute('lang', 'en');
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(reader.getByText('Written in Lao').first()).toBeVisible();
  await expect(reader.getByText('ຕ້ອງການຢາງພາລາແຜ່ນ ສົ່ງທີ່ແຂວງອັດຕະປື ທຸກເດືອນ.')).toBeVisible();
  await expect(reader.getByText('Wanted (to buy)')).toBeVisible();
  await expect(reader.getByText('40.01', { exact: true })).toBeVisible();
  await expect(reader.getByText('Natural rubber, balata, gutta-percha', { exact: false }).first()).toBeVisible();

  // In the list of wanted rubber, the card shows the Lao title with its language.
  await reader.goto('/listings?kind=commodity&hs_chapter=40&direction=wanted');
  const card = reader.getByRole('listitem').filter({ has: reader.getByRole('link', { name: title }) });
  await expect(card).toBeVisible();
  await expect(card.getByText('(Lao)')).toBeVisible();
  await expect(card).toContainText('Wanted (to buy)');
  await expect(card).toContainText('HS 40.01');
  await context.close();
});

test('an investor filters investment opportunities by sector and province and shares the link', async ({ browser }, testInfo) => {
  const js = jsEnabled(testInfo);
  const stamp = uniqueStamp(testInfo);
  const owner = await confirmedAccount(browser, `invest.${stamp}@promotion.la`, { javaScriptEnabled: js });
  await createOrganisation(owner, `Southern Investment Desk ${stamp}`, 'company', 'LA');

  const post = async (title: string, sector: string, stage: string, province: string) => {
    await owner.goto('/listings/new?kind=opportunity&lang=en');
    await expect(owner.getByRole('heading', { level: 1, name: 'New listing — Investment opportunities' })).toBeVisible();
    await owner.getByLabel('Title (English)').fill(title);
    await owner.getByLabel('Sector').selectOption(sector);
    await owner.getByLabel('Stage').selectOption(stage);
    await owner.getByLabel('From (USD)').fill('2000000');
    await owner.getByLabel('To (USD)').fill('5000000');
    await owner.getByLabel('From (province)').selectOption(province);
    expect(await submit(owner, 'Publish', '/listings/new')).toBe(303);
    await expect(owner.getByRole('heading', { level: 1, name: title })).toBeVisible();
  };
  const solar = `Solar farm in Attapeu ${stamp}`;
  const depot = `Cold-storage depot at Cau Treo ${stamp}`;
  await post(solar, 'energy', 'feasibility', 'la-attapeu');
  await post(depot, 'logistics', 'licensed', 'vn-ha-tinh');
  await owner.context().close();

  // The investor, not signed in, filters with the form.
  const context = await browser.newContext({ javaScriptEnabled: js });
  const investor = await context.newPage();
  await investor.goto('/listings?kind=opportunity&lang=en');
  await expect(investor.getByRole('link', { name: solar })).toBeVisible();
  await expect(investor.getByRole('link', { name: depot })).toBeVisible();
  await investor.getByLabel('Sector').selectOption('energy');
  await investor.getByLabel('Province', { exact: true }).selectOption('la-attapeu');
  await investor.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(investor).toHaveURL(/[?&]sector=energy(&|$)/);
  await expect(investor).toHaveURL(/[?&]province=la-attapeu(&|$)/);
  const solarCard = investor.getByRole('listitem').filter({ has: investor.getByRole('link', { name: solar }) });
  await expect(solarCard).toBeVisible();
  await expect(solarCard).toContainText('Energy · Feasibility study');
  await expect(investor.getByRole('link', { name: depot })).toHaveCount(0);
  const shared = investor.url();

  // Reloading keeps the filters and the result.
  await investor.reload();
  await expect(investor.getByLabel('Sector')).toHaveValue('energy');
  await expect(investor.getByRole('link', { name: solar })).toBeVisible();
  await expect(investor.getByRole('link', { name: depot })).toHaveCount(0);
  await context.close();

  // Someone else opens the shared link in a fresh browser.
  const other = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  await other.goto(shared);
  await expect(other.getByLabel('Sector')).toHaveValue('energy');
  await expect(other.getByLabel('Province', { exact: true })).toHaveValue('la-attapeu');
  await expect(other.getByRole('link', { name: solar })).toBeVisible();
  await expect(other.getByRole('link', { name: depot })).toHaveCount(0);

  // The same sector in the other province matches neither; the other sector finds the depot.
  await other.goto('/listings?kind=opportunity&sector=energy&province=vn-ha-tinh&lang=en');
  await expect(other.getByText('No listings match these filters.')).toBeVisible();
  await expect(other.getByRole('link', { name: solar })).toHaveCount(0);
  await expect(other.getByRole('link', { name: depot })).toHaveCount(0);
  await other.goto('/listings?kind=opportunity&sector=logistics&province=vn-ha-tinh&lang=en');
  await expect(other.getByRole('link', { name: depot })).toBeVisible();
  await expect(other.getByRole('link', { name: solar })).toHaveCount(0);
  await other.context().close();
});

test('a logistics firm imports routes from CSV: a bad file changes nothing, a good one is published', async ({ browser }, testInfo) => {
  const js = jsEnabled(testInfo);
  const stamp = uniqueStamp(testInfo);
  const page = await confirmedAccount(browser, `routes.${stamp}@thakhek-freight.la`, { javaScriptEnabled: js });
  const firm = `Thakhek Freight ${stamp}`;
  await createOrganisation(page, firm, 'company', 'LA');

  const returnLeg = `Empty return leg Thakhek to Vung Ang ${stamp}`;
  const cement = `Cement from Lao Bao to Savannakhet ${stamp}`;
  const header = 'title_en,province_id,destination_province_id,origin_place,destination_place,gate_ids,direction,window_start,window_end,capacity,capacity_unit,equipment';
  const returnRow = `${returnLeg},la-khammouane,vn-ha-tinh,Thakhek,Vung Ang port,cha-lo,la_to_vn,${inDays(30)},${inDays(50)},60,t,container_40;flatbed`;
  const csv = (rows: string[]) => Buffer.from([header, ...rows].join('\n') + '\n', 'utf-8');
  const upload = async (name: string, body: Buffer): Promise<number> => {
    await page.goto('/my/listings/import?lang=en');
    await page.getByLabel('Post as').selectOption({ label: firm });
    await page.getByLabel('Kind of listing').selectOption('route');
    await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: body });
    return submit(page, 'Check and import', '/my/listings/import');
  };

  // A bad file: line 3 names a gate that does not exist and a direction that is not one.
  const bad = csv([
    returnRow,
    `${cement},vn-quang-tri,la-savannakhet,Lao Bao,Savannakhet,no-such-gate,sideways,,,20,t,bulk`,
  ]);
  expect(await upload('routes-bad.csv', bad)).toBe(422);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The file was not imported — nothing changed');
  const report = alert.getByRole('table');
  await expect(report.getByRole('columnheader')).toHaveText(['Line', 'Column', 'Problem']);
  await expect(report.getByRole('row').filter({ hasText: 'gate_ids' }).getByRole('cell')).toHaveText(['3', 'gate_ids', 'Unknown border gate.']);
  await expect(report.getByRole('row').filter({ hasText: 'direction' }).getByRole('cell')).toHaveText(['3', 'direction', 'Choose one of the options.']);
  await expect(report.getByRole('row')).toHaveCount(3);
  // The form is ready for another try, with the same choices.
  await expect(page.getByLabel('Post as')).toHaveValue(/.+/);
  await expect(page.getByLabel('Kind of listing')).toHaveValue('route');

  // Nothing was saved, not even the good line 2.
  await page.goto('/listings?kind=route&lang=en');
  await expect(page.getByRole('link', { name: 'Logistics routes' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel('Border gate', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: returnLeg })).toHaveCount(0);
  await expect(page.getByRole('link', { name: cement })).toHaveCount(0);
  await page.goto('/my/listings?lang=en');
  await expect(page.getByRole('heading', { level: 2, name: firm })).toBeVisible();
  await expect(page.getByText('Nothing posted yet: post your first listing')).toBeVisible();

  // The corrected file imports both routes.
  const good = csv([
    returnRow,
    `${cement},vn-quang-tri,la-savannakhet,Lao Bao,Savannakhet,lao-bao,vn_to_la,,,20,t,bulk`,
  ]);
  expect(await upload('routes.csv', good)).toBe(303);
  await expect(page).toHaveURL(/\/my\/listings\?notice=imported&n=2/);
  await expect(page.getByRole('status')).toHaveText('Listings imported: 2.');
  const table = page.getByRole('table');
  await expect(table.getByRole('row').filter({ hasText: returnLeg })).toContainText('Published');
  await expect(table.getByRole('row').filter({ hasText: cement })).toContainText('Published');

  // Browse shows them, and the gate filter tells them apart.
  await page.goto('/listings?kind=route&lang=en');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: returnLeg }) });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Laos → Vietnam');
  await expect(card).toContainText('60 tonnes');
  await expect(page.getByRole('link', { name: cement })).toBeVisible();
  await page.getByLabel('Border gate', { exact: true }).selectOption('cha-lo');
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page.getByRole('link', { name: returnLeg })).toBeVisible();
  await expect(page.getByRole('link', { name: cement })).toHaveCount(0);
  await page.context().close();
});

test('bad input on the listing form is explained next to the fields, kept, and nothing is saved', async ({ browser }, testInfo) => {
  const stamp = uniqueStamp(testInfo);
  const page = await confirmedAccount(browser, `typo.${stamp}@trade.vn`, { javaScriptEnabled: jsEnabled(testInfo) });
  const company = `Vinh Steel Traders ${stamp}`;
  await createOrganisation(page, company, 'company', 'VN');
  const title = `Hot-rolled coil, typo test ${stamp}`;

  await page.goto('/listings/new?kind=commodity&lang=en');
  await page.getByLabel('Title (English)').fill(title);
  await page.getByLabel('Direction').selectOption('offer');
  await page.getByLabel('HS code').fill('72O8');
  await page.getByLabel('Quantity').fill('-5');
  await page.getByLabel('Unit', { exact: true }).selectOption('t');
  await page.getByLabel('Description (English)').fill('Coils 2–12 mm, mill test certificate.');
  expect(await submit(page, 'Publish', '/listings/new')).toBe(422);

  await expect(page.getByRole('alert')).toHaveText('Please correct the fields marked below.');
  const hs = page.getByLabel('HS code');
  await expect(hs).toHaveAttribute('aria-invalid', 'true');
  await expect(hs).toHaveAccessibleDescription(/An HS code is 2, 4 or 6 digits of an existing chapter/);
  await expect(hs).toHaveValue('72O8');
  const quantity = page.getByLabel('Quantity');
  await expect(quantity).toHaveAttribute('aria-invalid', 'true');
  await expect(quantity).toHaveAccessibleDescription('Must be more than zero.');
  await expect(quantity).toHaveValue('-5');
  // The other fields keep what was typed and are not marked.
  await expect(page.getByLabel('Title (English)')).toHaveValue(title);
  await expect(page.getByLabel('Title (English)')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Direction')).toHaveValue('offer');
  await expect(page.getByLabel('Unit', { exact: true })).toHaveValue('t');
  await expect(page.getByLabel('Description (English)')).toHaveValue('Coils 2–12 mm, mill test certificate.');
  await expect(page.getByLabel('Post as')).toContainText(company);

  // Nothing was saved.
  await page.goto('/my/listings?lang=en');
  await expect(page.getByRole('heading', { level: 2, name: company })).toBeVisible();
  await expect(page.getByText('Nothing posted yet: post your first listing')).toBeVisible();
  await page.goto('/listings?kind=commodity&lang=en');
  await expect(page.getByLabel('HS chapter')).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);

  // Corrected, it publishes.
  await page.goto('/listings/new?kind=commodity&lang=en');
  await page.getByLabel('Title (English)').fill(title);
  await page.getByLabel('Direction').selectOption('offer');
  await page.getByLabel('HS code').fill('72.08');
  await page.getByLabel('Quantity').fill('5');
  await page.getByLabel('Unit', { exact: true }).selectOption('t');
  expect(await submit(page, 'Publish', '/listings/new')).toBe(303);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('72.08', { exact: true })).toBeVisible();
  await page.context().close();
});

test('each CSV template offered on the import page imports as it is', async ({ browser }, testInfo) => {
  const stamp = uniqueStamp(testInfo);
  const page = await confirmedAccount(browser, `templates.${stamp}@trade.la`, { javaScriptEnabled: jsEnabled(testInfo) });
  const firm = `Template Testers ${stamp}`;
  await createOrganisation(page, firm, 'company', 'LA');

  for (const [kind, label] of [
    ['commodity', 'Commodities'],
    ['opportunity', 'Investment opportunities'],
    ['route', 'Logistics routes'],
  ]) {
    await page.goto('/my/listings/import?lang=en');
    const href = await page.getByRole('link', { name: label, exact: true }).getAttribute('href');
    expect(href).toBe(`/listings/template/${kind}.csv`);
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('text/csv');
    await page.getByLabel('Post as').selectOption({ label: firm });
    await page.getByLabel('Kind of listing').selectOption(kind);
    await page.getByLabel('CSV file').setInputFiles({ name: `${kind}.csv`, mimeType: 'text/csv', buffer: await download.body() });
    const status = await submit(page, 'Check and import', '/my/listings/import');
    const problems = status === 303 ? '' : await page.getByRole('alert').innerText();
    expect(status, `the ${kind} template: ${problems}`).toBe(303);
    await expect(page.getByRole('status')).toHaveText('Listings imported: 1.');
  }
  await page.context().close();
});
