import { test, expect } from '@playwright/test';

// The demo listings of `corridor seed` are indexed at start-up (the search index is rebuilt from the
// database when it is missing).
test('a Vietnamese buyer types "cao su" without accents, finds the Lao rubber offer, narrows by country and shares the link', async ({ page, browser }) => {
  await page.goto('/?lang=vi');
  // The header box: a search box without JavaScript, a combobox with suggestions once hydrated.
  const header = page.getByRole('search').first();
  await header.locator('#header-q').fill('cao su');
  await header.getByRole('button', { name: 'Tìm' }).click();
  await expect(page).toHaveURL(/\/search\?q=cao(\+|%20)su/);
  const laoOffer = page.getByRole('link', { name: 'Cao su tấm xông khói RSS3 từ Attapeu' });
  const vnWanted = page.getByRole('link', { name: 'Cần mua cao su tự nhiên SVR/RSS' });
  await expect(laoOffer).toBeVisible();
  await expect(vnWanted).toBeVisible();

  // A facet narrows the results; the URL carries the state.
  await page.getByRole('complementary').getByRole('link', { name: 'Lào', exact: true }).click();
  await expect(page).toHaveURL(/country=LA/);
  await expect(laoOffer).toBeVisible();
  await expect(vnWanted).toHaveCount(0);

  // Someone else opens the link: same query and filter, in their own language (English here).
  const shared = await browser.newPage();
  await shared.goto(page.url());
  await expect(shared.locator('#search-q')).toHaveValue('cao su');
  await expect(shared.getByRole('link', { name: 'Natural rubber RSS3 sheets from Attapeu' })).toBeVisible();
  await expect(shared.getByRole('link', { name: 'Wanted: natural rubber SVR/RSS' })).toHaveCount(0);
  await shared.close();
});

test('Lao words inside a longer run are found, and odd queries never fail', async ({ page }) => {
  await page.goto('/search?lang=lo&q=' + encodeURIComponent('ຢາງພາລາ'));
  await expect(page.getByRole('link', { name: 'ຢາງພາລາແຜ່ນຮົມຄວັນ RSS3 ຈາກອັດຕະປື' })).toBeVisible();
  for (const q of ['"unbalanced', '+++ AND (', 'x'.repeat(3000)]) {
    const response = await page.goto('/search?lang=en&q=' + encodeURIComponent(q));
    expect(response?.status()).toBe(200);
  }
});

test('a border gate pair and an organisation are results too, each linked to its page', async ({ page }) => {
  await page.goto('/search?lang=en&q=' + encodeURIComponent('cua khau cau treo'));
  const results = page.locator('.results');
  await expect(results.getByText('Border gate pair').first()).toBeVisible();
  await results.getByRole('link', { name: /^Cau Treo – Nam Phao/ }).click();
  await expect(page).toHaveURL(/\/gates\/cau-treo/);
  await page.goto('/search?lang=vi&q=' + encodeURIComponent('Hung-Aloun'));
  await page.locator('.results').getByRole('link', { name: 'Hung-Aloun Logistics' }).first().click();
  await expect(page).toHaveURL(/\/orgs\/hung-aloun-logistics/);
});
