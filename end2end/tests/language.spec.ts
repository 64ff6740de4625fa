import { expect, test } from '@playwright/test';

test('a reader switches language on a gate page and stays on it', async ({ page }) => {
  await page.goto('/gates/cau-treo?lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Vietnamese side' })).toBeVisible();

  const languages = page.getByRole('navigation', { name: 'Language' });
  await languages.getByRole('link', { name: 'Tiếng Việt' }).click();

  await expect(page).toHaveURL((url) => url.pathname === '/gates/cau-treo' && url.searchParams.get('lang') === 'vi');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { name: 'Phía Việt Nam' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Ngôn ngữ' }).getByRole('link', { name: 'Tiếng Việt' })).toHaveAttribute(
    'aria-current',
    'true',
  );

  // The choice is remembered (cookie): an address without ?lang= stays in Vietnamese.
  await page.goto('/gates/cau-treo');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { name: 'Phía Việt Nam' })).toBeVisible();
});
