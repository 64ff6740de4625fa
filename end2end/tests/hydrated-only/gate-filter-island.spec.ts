import { expect, test, type ConsoleMessage } from '@playwright/test';
import { listenerTypes } from '../support/chromium';

// Runs in the "hydrated" project only (the "no-js" project ignores tests/hydrated-only/).

test('changing a filter updates the list without a page reload and the console stays clean', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));

  await page.goto('/gates?lang=en');
  await expect(page.getByText('30 gate pairs')).toBeVisible();

  // The pointer over the select brings the wasm; the GateBrowser island has hydrated once its
  // change listener sits on the select.
  await page.locator('#filter-level').hover();
  await expect
    .poll(() => listenerTypes(page, '#filter-level'), { message: 'island hydrated', timeout: 15_000 })
    .toContain('change');

  await page.evaluate(() => {
    (window as unknown as { __noReload?: number }).__noReload = 1;
  });

  await page.getByLabel('Gate level', { exact: true }).selectOption({ label: 'Main' });

  await expect(page.getByText('5 gate pairs')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Cầu Treo – / })).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]level=main(&|$)/);
  expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(1);

  expect(problems).toEqual([]);
});
