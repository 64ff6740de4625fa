import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { listenerTypes } from '../support/chromium';

// Runs in the "hydrated" project only (the "no-js" project ignores tests/hydrated-only/): without
// JavaScript the search boxes are plain GET forms, which tests/search.spec.ts covers.

function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

async function hydrated(page: Page, selector: string) {
  // The pointer over the box brings the wasm; the SearchBox island has hydrated once its input
  // listener sits on the input.
  await page.locator(selector).hover();
  await expect
    .poll(() => listenerTypes(page, selector), { message: 'search box hydrated', timeout: 15_000 })
    .toContain('input');
}

test('a trader types part of a title in the header box, picks the suggestion with the keyboard and lands on the listing', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/?lang=en');
  await hydrated(page, '#header-q');

  const box = page.getByRole('combobox', { name: 'Search' });
  await box.pressSequentially('natural rubber sh', { delay: 20 });
  const list = page.getByRole('listbox', { name: 'Search suggestions' });
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(box).toHaveAttribute('aria-controls', 'header-q-suggestions');
  const offer = list.getByRole('option', { name: /Natural rubber RSS3 sheets from Attapeu/ });
  await expect(offer).toBeVisible();
  await expect(list.getByRole('option', { name: 'Search for “natural rubber sh”' })).toBeVisible();

  // Escape closes the list and keeps the text.
  await box.press('Escape');
  await expect(list).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(box).toHaveValue('natural rubber sh');

  // ArrowDown opens it again on the first suggestion; Enter opens that listing's page.
  await box.press('ArrowDown');
  await expect(list).toBeVisible();
  await expect(offer).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await offer.getAttribute('id')) ?? 'missing id');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/listings\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Natural rubber RSS3 sheets from Attapeu' })).toBeVisible();

  expect(problems).toEqual([]);
});

test('on the search page, unaccented Vietnamese suggests the Cầu Treo gate and "Search for" submits the form', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/search?lang=vi');
  await hydrated(page, '#search-q');

  const box = page.locator('#search-q');
  await box.pressSequentially('cau tr', { delay: 20 });
  const list = page.getByRole('listbox', { name: 'Gợi ý tìm kiếm' });
  const gate = list.getByRole('option').first();
  await expect(gate).toContainText('Cầu Treo');
  await expect(gate).toContainText('Cửa khẩu');

  // The last option searches for the text as typed.
  await list.getByRole('option', { name: 'Tìm “cau tr”' }).click();
  await expect(page).toHaveURL(/\/search\?q=cau(\+|%20)tr$/);
  await expect(page.getByRole('link', { name: /^Cầu Treo/ }).first()).toBeVisible();

  // Enter with no suggestion chosen submits the form as usual.
  const again = page.locator('#search-q');
  await hydrated(page, '#search-q');
  await again.fill('thep');
  await again.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=thep$/);

  expect(problems).toEqual([]);
});
