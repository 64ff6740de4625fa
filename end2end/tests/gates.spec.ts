import { expect, test } from '@playwright/test';

// Plain GET form and plain links: these journeys must work hydrated and without JavaScript.

test('a trader filters border gates by level and opens a gate', async ({ page }) => {
  await page.goto('/gates?lang=en');
  await expect(page.getByText('30 gate pairs')).toBeVisible();

  await page.getByLabel('Gate level', { exact: true }).selectOption({ label: 'International' });
  await page.getByRole('button', { name: 'Filter' }).click();

  await expect(page).toHaveURL(/[?&]level=international(&|$)/);
  await expect(page.getByText('10 gate pairs')).toBeVisible();
  await expect(page.getByLabel('Gate level', { exact: true })).toHaveValue('international');

  // A gate card link reads "<Vietnamese gate> – <Lao gate>" followed by the gate level.
  const gateResponse = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/gates/lao-bao' && r.request().resourceType() === 'document',
  );
  await page.getByRole('link', { name: 'Lao Bảo – Densavan (Dansavanh)' }).click();
  expect((await gateResponse).status()).toBe(200);

  await expect(page).toHaveURL(/\/gates\/lao-bao$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lao Bảo');
  const sources = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Sources', exact: true }) });
  await expect(sources.getByRole('heading', { name: 'Sources', exact: true })).toBeVisible();
  await expect(sources.getByText(/^Confidence: \S/)).toBeVisible();
  await expect(sources.getByRole('link', { name: 'B02' })).toBeVisible();
});

test('filter keeps state in a shareable URL', async ({ page }) => {
  const response = await page.goto('/gates?level=main&lang=en');
  expect(response?.status()).toBe(200);
  await expect(page.getByText('5 gate pairs')).toBeVisible();
  await expect(page.getByLabel('Gate level', { exact: true })).toHaveValue('main');
});

test('an unknown gate shows the 404 page', async ({ page }) => {
  const response = await page.goto('/gates/atlantis?lang=en');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
});
