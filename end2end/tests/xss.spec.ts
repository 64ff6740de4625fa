import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { confirmedAccount, jsEnabled, uniqueStamp } from './support/accounts';

// Stored XSS in Chromium: an attacker fills every free-text field of the organisation and
// listing forms (whatever text inputs and textareas the forms have today) with payloads from
// data/security/xss_corpus.txt, each fill taking the next payload until every payload was used;
// every page that shows the texts is opened and no dialog may open and no foreign element may
// appear. (server/tests/it/xss.rs tries every payload in every field, API body and CSV column.)

const corpus = readFileSync(join(__dirname, '../../data/security/xss_corpus.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));

const INJECTED =
  'iframe, object, embed, base, frame, math, video, template, meta[http-equiv], body style, ' +
  '[onerror], [onload], [onfocus], [onmouseover], [ontoggle], [onclick], [autofocus], ' +
  'script:not([nonce]):not([type="application/ld+json"])';
/** Text inputs that take a code, not prose. */
const CODED: Record<string, string> = { hs_code: '4001' };

let next = 0;
const nextPayload = () => corpus[next++ % corpus.length];

async function expectInert(page: Page, path: string, dialogs: string[]) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const injected = await page.locator(INJECTED).evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 200)));
  expect(injected, `injected elements on ${path}`).toEqual([]);
  expect(dialogs, `dialogs on ${path}`).toEqual([]);
}

/** Fills every free-text control of the form that posts to `action`; returns what each got. */
async function fillFreeText(page: Page, action: string) {
  const form = page.locator(`form[action^="${action}"]`);
  const controls = form.locator('input[type="text"], input:not([type]), textarea');
  for (let i = 0; i < (await controls.count()); i++) {
    const control = controls.nth(i);
    const name = (await control.getAttribute('name')) ?? '';
    await control.fill(CODED[name] ?? nextPayload());
  }
  return form;
}

/** Submits; when fields are refused (a payload too long for a short field), checks the refusal
 * page, empties those fields and submits again. */
async function submit(page: Page, form: ReturnType<Page['locator']>, button: string, dialogs: string[]) {
  await form.getByRole('button', { name: button, exact: true }).click();
  if ((await page.locator('.field.has-error').count()) > 0) {
    expect(await page.locator(INJECTED).count(), 'injected elements on the refusal page').toBe(0);
    expect(dialogs).toEqual([]);
    for (const field of await page.locator('.field.has-error').locator('input[type="text"], textarea').all()) {
      await field.fill('');
    }
    await page.getByRole('button', { name: button, exact: true }).click();
  }
  await expect(page.locator('.field.has-error')).toHaveCount(0);
}

test('an attacker fills every free-text field with XSS payloads and nothing runs anywhere', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const stamp = uniqueStamp(testInfo);
  const page = await confirmedAccount(browser, `xss.${stamp}@example.la`, { javaScriptEnabled: jsEnabled(testInfo) });
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  next = 0;
  for (let round = 0; next < corpus.length; round++) {
    await page.goto('/orgs/new?lang=en');
    const orgForm = await fillFreeText(page, '/orgs/new');
    await orgForm.getByLabel('Type of organisation').selectOption('company');
    await orgForm.getByLabel('Country').selectOption('LA');
    await orgForm.getByLabel('Website').fill('https://example.la');
    await submit(page, orgForm, 'Create organisation', dialogs);
    const org = new URL(page.url()).pathname;
    expect(org).toMatch(/^\/orgs\/[^/]+$/);
    for (const path of [org, `${org}/edit`, `${org}/members`, '/account']) {
      await expectInert(page, `${path}?lang=${['vi', 'lo', 'en'][round % 3]}`, dialogs);
    }
    for (const kind of ['commodity', 'opportunity', 'route']) {
      await page.goto(`/listings/new?kind=${kind}&lang=en`);
      const form = await fillFreeText(page, '/listings/new');
      const postAs = form.getByLabel('Post as');
      if ((await postAs.count()) > 0) await postAs.selectOption({ value: org.replace('/orgs/', '') });
      for (const name of ['quantity', 'price', 'capacity', 'size_min_usd']) {
        const input = form.locator(`input[name="${name}"]`);
        if ((await input.count()) > 0) await input.fill('500');
      }
      await form.locator('input[name="gate_ids"]').first().check();
      await submit(page, form, 'Publish', dialogs);
      const listing = new URL(page.url()).pathname;
      expect(listing).toMatch(/^\/listings\/\d+$/);
      for (const path of [listing, `${listing}/edit`, `/listings?kind=${kind}`, '/my/listings', org, '/']) {
        await expectInert(page, `${path}${path.includes('?') ? '&' : '?'}lang=${['vi', 'lo', 'en'][round % 3]}`, dialogs);
      }
    }
  }
  await page.context().close();
});
