import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { confirmedAccount, createOrganisation, uniqueStamp } from '../support/accounts';

// axe-core on every page template, in the three languages: no serious or critical violation.
// Runs in the "hydrated" project only: axe-core is a script injected into the page.

const LANGS = ['vi', 'lo', 'en'] as const;

async function expectAccessible(page: Page, path: string) {
  for (const lang of LANGS) {
    const url = `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(500);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      url,
    ).toEqual([]);
  }
}

test('public page templates have no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/listings?lang=en');
  const hrefs = await page.locator('a[href^="/listings/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const listing = hrefs.find((href) => /^\/listings\/\d+$/.test(href ?? ''));
  expect(listing).toMatch(/^\/listings\/\d+/);
  await page.goto(listing!);
  const org = await page.locator('a[href^="/orgs/"]').first().getAttribute('href');
  expect(org).toMatch(/^\/orgs\//);
  for (const path of [
    '/',
    '/gates',
    '/gates/lao-bao',
    '/sources',
    '/listings',
    '/listings?kind=opportunity',
    listing!,
    org!,
    '/logistics',
    '/search?q=cao+su',
    '/account/signin',
    '/account/signup',
    '/account/forgot',
    '/no-such-page',
  ]) {
    await expectAccessible(page, path);
  }
});

test('signed-in page templates have no serious or critical accessibility violation', async ({ browser }, testInfo) => {
  const stamp = uniqueStamp(testInfo);
  const page = await confirmedAccount(browser, `a11y.${stamp}@example.vn`, { javaScriptEnabled: true });
  const org = await createOrganisation(page, `A11y Trading ${stamp}`, 'company', 'VN');
  for (const path of [
    '/account',
    '/orgs/new',
    `${org}/edit`,
    `${org}/members`,
    `${org}/tokens`,
    `${org}/logistics`,
    '/listings/new?kind=commodity',
    '/listings/new?kind=opportunity',
    '/listings/new?kind=route',
    '/my/listings',
    '/my/listings/import',
  ]) {
    await expectAccessible(page, path);
  }
  await page.context().close();
});
