import { expect, type Page } from '@playwright/test';

/**
 * Brings the islands to life as a reader does: the pointer over the header's search box (an island
 * on every page) makes the loader fetch the wasm (app/src/components/island_loader.js). Resolves
 * once every island of the page has hydrated.
 */
export async function wakeIslands(page: Page) {
  await page.locator('#header-q').hover();
  await expect(page.locator('html')).toHaveAttribute('data-islands', 'hydrated', { timeout: 15_000 });
}
