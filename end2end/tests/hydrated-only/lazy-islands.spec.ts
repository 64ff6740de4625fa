import { expect, test, type Request } from '@playwright/test';
import { wakeIslands } from '../support/islands';

// Runs in the "hydrated" project only. The wasm (~140 KB over the wire) is fetched when a reader
// first reaches for an island, not with every page (app/src/components/island_loader.js).

const bundle = (request: Request) => /\/pkg\/[^/]+\.(wasm|js)$/.test(new URL(request.url()).pathname);

test('a reader who only reads downloads neither the wasm nor its JS glue', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (bundle(request)) fetched.push(request.url());
  });
  for (const path of ['/?lang=en', '/listings?lang=vi', '/gates?lang=lo']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(300);
  }
  expect(fetched).toEqual([]);
  await expect(page.locator('html')).not.toHaveAttribute('data-islands', /.*/);

  // The pointer over the search box fetches both, once, and the islands hydrate.
  await wakeIslands(page);
  expect(fetched.filter((u) => u.endsWith('.wasm'))).toHaveLength(1);
  expect(fetched.filter((u) => u.endsWith('.js'))).toHaveLength(1);
  await expect(page.locator('#header-q')).toHaveAttribute('role', 'combobox');
});

test('text typed while the wasm is still arriving gets its suggestions once it has', async ({ page }) => {
  // A slow border connection: the wasm takes two seconds.
  await page.route(/\/pkg\/[^/]+\.wasm$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  await page.goto('/?lang=en');
  const box = page.locator('#header-q');
  // No waiting: the focus starts the download, the keys arrive long before the wasm does.
  await box.pressSequentially('natural rubber sh', { delay: 10 });
  await expect(page.locator('html')).toHaveAttribute('data-islands', 'loading');
  await expect(box).toHaveValue('natural rubber sh');

  const list = page.getByRole('listbox', { name: 'Search suggestions' });
  await expect(list).toBeVisible({ timeout: 15_000 });
  await expect(list.getByRole('option', { name: /Natural rubber RSS3 sheets from Attapeu/ })).toBeVisible();
  await expect(box).toHaveValue('natural rubber sh');
});

test('a filter chosen while the wasm is still arriving updates the gate list in place', async ({ page }) => {
  await page.route(/\/pkg\/[^/]+\.wasm$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.goto('/gates?lang=en');
  await expect(page.getByText('30 gate pairs')).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { __noReload?: number }).__noReload = 1;
  });
  // Without JavaScript this select needs the form's button; here the island, once hydrated, applies
  // the choice that was made before it existed.
  // A keyboard reader tabs to the select (the focus starts the download) and picks a level.
  const level = page.getByLabel('Gate level', { exact: true });
  await level.focus();
  await level.selectOption({ label: 'Main' });
  await expect(page.locator('html')).toHaveAttribute('data-islands', 'loading');
  await expect(page.getByText('5 gate pairs')).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(/[?&]level=main(&|$)/);
  expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(1);
});
