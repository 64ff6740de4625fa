// Stored XSS in Chromium (issue #11): every payload of data/security/xss_corpus.txt goes through
// every free-text field of the organisation form (create and edit) and of the three listing forms
// (new and edit), and every page that shows the saved text is checked in vi, lo and en: no dialog
// opens, no hooked function is called, nothing is refused by the Content Security Policy, and the
// page holds no element, attribute or script the page did not write itself. The fields are read
// from the rendered forms, so a new field joins by construction. Runs hydrated (the islands run and
// so would any script that got in) and without JavaScript (the markup alone).
//
// The account's display name is a payload too: the header shows it on every page visited. The trust
// and logistics forms (a logistics profile, a verification request and the moderator's reason, a
// report on an organisation or a listing) go through the corpus too, checked on the pages that show
// what they saved: the organisation profile, /logistics and the moderation queue.
import { expect, test, type Browser, type Page, type Response } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, confirmedAccount, createOrganisation, jsEnabled, signIn, uniqueStamp } from './support/accounts';
import {
  batches,
  controls,
  corpus,
  expectInert,
  expectShown,
  fieldsInError,
  fill,
  freeText,
  Guard,
  LANGS,
  settle,
  submit,
  values,
  visit,
  type Control,
  type Lang,
} from './support/xss';

const PAYLOADS = corpus();

test('the corpus is read from the repository, one payload a line', () => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(44);
  expect(PAYLOADS).toContain("<script>alert('xss')</script>");
  expect(PAYLOADS.every((p) => !p.startsWith('#') && p.trim() === p)).toBe(true);
});

/** A signed-in, confirmed account whose display name is `name`, with the guard installed. */
async function attacker(browser: Browser, testInfo: Parameters<typeof uniqueStamp>[0], who: string, name: string) {
  const js = jsEnabled(testInfo);
  const stamp = uniqueStamp(testInfo);
  const page = await confirmedAccount(browser, `xss.${who}.${stamp}@example.la`, { javaScriptEnabled: js, name });
  const guard = await Guard.install(page);
  return { page, guard, js, stamp };
}

/** The payloads a page in `lang` shows of what was typed: a field per language shows in its own. */
function shownIn(lang: Lang, texts: Map<string, string>): string[] {
  return [...texts]
    .filter(([name]) => {
      const suffix = name.match(/_(vi|lo|en)$/)?.[1];
      return suffix === undefined || suffix === lang;
    })
    .map(([, payload]) => payload);
}

/**
 * Fills and submits the form until the server saves it. A refusal page is checked like any other;
 * the selects and checkbox groups it marks as required get a valid value on the next try, and a
 * refused free-text field fails the test (a payload must be saved, not refused).
 */
async function save(
  page: Page,
  guard: Guard,
  selector: string,
  list: Control[],
  texts: Map<string, string>,
  required: Set<string>,
  js: boolean,
  context: string,
): Promise<Response> {
  for (let attempt = 0; attempt < 6; attempt++) {
    const form = page.locator(selector);
    await fill(form, list, texts, required);
    const response = await submit(page, form);
    if (response.status() === 303) {
      const next = await response.request().redirectedTo()?.response();
      expect(next, `the page after saving ${context}`).toBeTruthy();
      if (js) await settle(page);
      return next!;
    }
    expect(response.status(), `saving ${context}`).toBe(422);
    if (js) await settle(page);
    await expectInert(page, response, guard, `refused ${context}`);
    // The refused form gives back exactly what was typed.
    const kept = await values(page.locator(selector));
    for (const [name, payload] of texts) expect(kept[name], `${name} kept on the refused ${context}`).toBe(payload);
    const wrong = await fieldsInError(page.locator(selector));
    expect(wrong.length, `a field marked on the refused ${context}`).toBeGreaterThan(0);
    for (const name of wrong) {
      const control = list.find((c) => c.name === name);
      expect(control?.role, `${name} refused on ${context} (payload ${JSON.stringify(texts.get(name))})`).toMatch(
        /^(select|checkbox)$/,
      );
      expect(required.has(name), `${name} still refused on ${context}`).toBe(false);
      required.add(name);
    }
  }
  throw new Error(`${context} was never saved`);
}

/** Checks a page already open (after a form's redirect). */
async function check(page: Page, guard: Guard, response: Response, shows: string[], context: string) {
  await expectShown(page, shows, context);
  await expectInert(page, response, guard, context);
}

/** Opens an edit form and checks that every free-text field holds exactly what was saved. */
async function visitForm(page: Page, guard: Guard, path: string, selector: string, texts: Map<string, string>, extra: string[], js: boolean) {
  await visit(page, guard, path, extra, js);
  const kept = await values(page.locator(selector));
  for (const [name, payload] of texts) expect(kept[name], `${name} on ${path}`).toBe(payload);
}

test.describe('organisation form', () => {
  test('new organisations: every payload in a free-text field renders inert on every page that shows it', async ({ browser }, testInfo) => {
    const name = PAYLOADS[1];
    const { page, guard, js } = await attacker(browser, testInfo, 'org', name);
    await page.goto('/orgs/new?lang=en');
    const selector = 'form[action="/orgs/new"]';
    const list = await controls(page.locator(selector));
    const texts = freeText(list);
    expect(texts.map((c) => c.name)).toEqual(expect.arrayContaining(['name', 'description_vi', 'description_lo', 'description_en']));

    const required = new Set<string>();
    const orgs: { path: string; lang: Lang; texts: Map<string, string> }[] = [];
    for (const [i, batch] of batches(texts, PAYLOADS).entries()) {
      const lang = LANGS[i % LANGS.length];
      await page.goto(`/orgs/new?lang=${lang}`);
      const response = await save(page, guard, selector, list, batch, required, js, `new organisation ${i}`);
      const path = new URL(page.url()).pathname;
      expect(path).toMatch(/^\/orgs\/[a-z0-9-]+$/);
      await check(page, guard, response, [name, ...shownIn(lang, batch)], `${path}?lang=${lang}`);
      orgs.push({ path, lang, texts: batch });
    }
    expect(required.size, 'the first organisation was refused until its required choices were made').toBeGreaterThan(0);

    for (const [i, org] of orgs.entries()) {
      await visitForm(page, guard, `${org.path}/edit?lang=${org.lang}`, `form[action="${org.path}/edit"]`, org.texts, [name], js);
      if (i < LANGS.length) await visit(page, guard, `${org.path}/members?lang=${LANGS[i]}`, [name, org.texts.get('name')!], js);
    }
    await visit(page, guard, `${orgs[0].path}/tokens?lang=en`, [name, orgs[0].texts.get('name')!], js);
    for (const lang of LANGS) {
      await visit(page, guard, `/account?lang=${lang}`, [name, ...orgs.map((o) => o.texts.get('name')!)], js);
    }
    await page.context().close();
  });

  test('an edited organisation: every payload in a free-text field renders inert on every page that shows it', async ({ browser }, testInfo) => {
    const name = PAYLOADS[5];
    const { page, guard, js, stamp } = await attacker(browser, testInfo, 'orgedit', name);
    const path = await createOrganisation(page, `Xss Edit ${stamp}`, 'company', 'VN');
    const selector = `form[action="${path}/edit"]`;
    await page.goto(`${path}/edit?lang=en`);
    const list = await controls(page.locator(selector));
    const texts = freeText(list);
    expect(texts.map((c) => c.name)).toEqual(expect.arrayContaining(['name', 'description_vi', 'description_lo', 'description_en']));

    const required = new Set<string>();
    let last = new Map<string, string>();
    // Shifted against the new-organisation test, so each field meets other payloads.
    for (const [i, batch] of batches(texts, PAYLOADS, 3).entries()) {
      const lang = LANGS[i % LANGS.length];
      await page.goto(`${path}/edit?lang=${lang}`);
      const response = await save(page, guard, selector, list, batch, required, js, `edit ${i} of ${path}`);
      expect(new URL(page.url()).pathname).toBe(path);
      await check(page, guard, response, [name, ...shownIn(lang, batch)], `${page.url()} after edit ${i}`);
      last = batch;
    }
    for (const lang of LANGS) {
      await visitForm(page, guard, `${path}/edit?lang=${lang}`, selector, last, [name], js);
      await visit(page, guard, `${path}/members?lang=${lang}`, [name, last.get('name')!], js);
    }
    await visit(page, guard, `/account?lang=lo`, [name, last.get('name')!], js);
    await page.context().close();
  });
});

/** A confirmed account (its name a payload) with an organisation whose name holds a search word. */
async function poster(browser: Browser, testInfo: Parameters<typeof uniqueStamp>[0], who: string, name: string) {
  const account = await attacker(browser, testInfo, who, name);
  const word = `xq${Math.random().toString(36).slice(2, 10).replace(/[0-9]/g, 'k')}`;
  const orgPath = await createOrganisation(account.page, `Xss Desk ${word}`, 'company', 'LA');
  return { ...account, word, orgPath, slug: orgPath.replace('/orgs/', '') };
}

const LISTING_FORM = 'form.listing-form';

/** The listing page open after a save: its id. */
function listingId(page: Page): string {
  const id = new URL(page.url()).pathname.match(/^\/listings\/(\d+)$/)?.[1];
  expect(id, `a listing page, not ${page.url()}`).toBeTruthy();
  return id!;
}

for (const kind of ['commodity', 'opportunity', 'route'] as const) {
  test.describe(`${kind} listing form`, () => {
    test(`new ${kind} listings: every payload in a free-text field renders inert on every page that shows it`, async ({ browser }, testInfo) => {
      const name = PAYLOADS[{ commodity: 2, opportunity: 3, route: 4 }[kind]];
      const { page, guard, js, word, orgPath, slug } = await poster(browser, testInfo, kind, name);
      await page.goto(`/listings/new?kind=${kind}&lang=en`);
      const list = await controls(page.locator(LISTING_FORM));
      const texts = freeText(list);
      expect(texts.map((c) => c.name)).toEqual(expect.arrayContaining(['title_vi', 'title_lo', 'title_en', 'description_en']));

      const required = new Set<string>();
      const listings: { id: string; lang: Lang; texts: Map<string, string> }[] = [];
      for (const [i, batch] of batches(texts, PAYLOADS).entries()) {
        const lang = LANGS[i % LANGS.length];
        await page.goto(`/listings/new?kind=${kind}&lang=${lang}`);
        const response = await save(page, guard, LISTING_FORM, list, batch, required, js, `new ${kind} ${i}`);
        const id = listingId(page);
        await check(page, guard, response, [name, ...shownIn(lang, batch)], page.url());
        listings.push({ id, lang, texts: batch });
      }
      expect(required.size, `the first ${kind} was refused until its required choices were made`).toBeGreaterThan(0);
      for (const item of listings) {
        await visitForm(page, guard, `/listings/${item.id}/edit?lang=${item.lang}`, LISTING_FORM, item.texts, [name], js);
      }

      // Lists that show the titles, in each language.
      const titles = (lang: Lang) => listings.map((l) => l.texts.get(`title_${lang}`)!);
      for (const lang of LANGS) {
        await visit(page, guard, `/listings?kind=${kind}&organisation=${slug}&lang=${lang}`, [name, ...titles(lang)], js);
        await visit(page, guard, `/my/listings?lang=${lang}`, titles(lang), js);
      }
      await visit(page, guard, `${orgPath}?lang=lo`, titles('lo'), js);
      // Search: the listings are found by their organisation's name once the index has them.
      await expect(async () => {
        await visit(page, guard, `/search?q=${word}&lang=vi`, titles('vi'), js);
      }).toPass({ timeout: 20_000, intervals: [500, 1000, 2000] });
      await page.context().close();
    });

    test(`an edited ${kind} listing: every payload in a free-text field renders inert on every page that shows it`, async ({ browser }, testInfo) => {
      const name = PAYLOADS[{ commodity: 6, opportunity: 7, route: 8 }[kind]];
      const { page, guard, js } = await poster(browser, testInfo, `${kind}edit`, name);
      await page.goto(`/listings/new?kind=${kind}&lang=en`);
      let list = await controls(page.locator(LISTING_FORM));
      const required = new Set<string>();
      // Shifted against the new-listing test, so each field meets other payloads.
      const all = batches(freeText(list), PAYLOADS, 5);
      await save(page, guard, LISTING_FORM, list, all[all.length - 1], required, js, `new ${kind}`);
      const id = listingId(page);

      await page.goto(`/listings/${id}/edit?lang=en`);
      list = await controls(page.locator(LISTING_FORM));
      const texts = freeText(list);
      expect(texts.map((c) => c.name)).toEqual(expect.arrayContaining(['title_vi', 'title_lo', 'title_en', 'description_en']));
      let last = new Map<string, string>();
      for (const [i, batch] of batches(texts, PAYLOADS, 5).entries()) {
        const lang = LANGS[i % LANGS.length];
        await page.goto(`/listings/${id}/edit?lang=${lang}`);
        const response = await save(page, guard, LISTING_FORM, list, batch, required, js, `edit ${i} of ${kind} ${id}`);
        expect(listingId(page)).toBe(id);
        await check(page, guard, response, [name, ...shownIn(lang, batch)], `${page.url()} after edit ${i}`);
        last = batch;
      }
      await visitForm(page, guard, `/listings/${id}/edit?lang=vi`, LISTING_FORM, last, [name], js);
      await visit(page, guard, `/listings?kind=${kind}&lang=en`, [name, last.get('title_en')!], js);
      await visit(page, guard, '/?lang=lo', [name], js);
      if (kind === 'route') await visit(page, guard, '/logistics?lang=vi', [name], js);

      // A visitor who is not signed in reads the listing in each language — all but its contact,
      // which only the organisation and accepted counterparts see (issue #12).
      const context = await browser.newContext({ javaScriptEnabled: js });
      const visitor = await context.newPage();
      const visitorGuard = await Guard.install(visitor);
      const publicTexts = new Map([...last].filter(([field]) => field !== 'contact'));
      for (const lang of LANGS) {
        await visit(visitor, visitorGuard, `/listings/${id}?lang=${lang}`, shownIn(lang, publicTexts), js);
      }
      await context.close();

      if (js) {
        // The header's search island renders suggestions in the browser: titles from the corpus.
        const home = await visit(page, guard, `/?lang=en`, [name], js);
        await page.locator('#header-q').pressSequentially('alert', { delay: 20 });
        const suggestions = page.getByRole('listbox');
        await expect(suggestions).toBeVisible();
        await expect(suggestions.getByRole('option').first()).toBeVisible();
        await expect(suggestions).toContainText('alert(');
        await expectInert(page, home, guard, 'the search suggestions for "alert"');
      }
      await page.context().close();
    });
  });
}

/** The administrator (a moderator too), signed in in a context of its own, with the guard on. */
async function moderator(browser: Browser, js: boolean) {
  const page = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  const guard = await Guard.install(page);
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page).not.toHaveURL(/\/account\/signin/);
  return { page, guard };
}

/** Opens the `<details>` that holds `form` (closed until asked for; native, so also without JS). */
async function disclose(page: Page, form: string) {
  const details = page.locator(`details:has(${form})`);
  if ((await details.getAttribute('open')) === null) await details.locator('> summary').click();
}

test.describe('logistics profile form', () => {
  test('every payload in a free-text field renders inert on the profile and on /logistics', async ({ browser }, testInfo) => {
    test.slow();
    const name = PAYLOADS[9];
    const { page, guard, js, stamp } = await attacker(browser, testInfo, 'logistics', name);
    const orgPath = await createOrganisation(page, `Xss Haulage ${stamp}`, 'logistics', 'LA');
    const selector = `form[action="${orgPath}/logistics"]`;
    await page.goto(`${orgPath}/logistics?lang=en`);
    const list = await controls(page.locator(selector));
    const texts = freeText(list);
    expect(texts.map((c) => c.name)).toEqual(expect.arrayContaining(['corridors', 'fleet', 'capacity']));

    const required = new Set<string>();
    let last = new Map<string, string>();
    for (const [i, batch] of batches(texts, PAYLOADS, 7).entries()) {
      const lang = LANGS[i % LANGS.length];
      await page.goto(`${orgPath}/logistics?lang=${lang}`);
      const response = await save(page, guard, selector, list, batch, required, js, `logistics profile ${i}`);
      await check(page, guard, response, [name, ...batch.values()], `${page.url()} after saving ${i}`);
      last = batch;
    }
    for (const lang of LANGS) {
      await visitForm(page, guard, `${orgPath}/logistics?lang=${lang}`, selector, last, [name], js);
      await visit(page, guard, `/logistics?lang=${lang}`, [...last.values()], js);
      await visit(page, guard, `${orgPath}?lang=${lang}`, [...last.values()], js);
    }
    await page.context().close();
  });
});

test.describe('verification request form', () => {
  test('every payload renders inert in the moderation queue, and so does the reason for a refusal', async ({ browser }, testInfo) => {
    test.slow();
    const { page, guard, js, stamp } = await attacker(browser, testInfo, 'verify', PAYLOADS[10]);
    const orgName = `Xss Verify ${stamp}`;
    const orgPath = await createOrganisation(page, orgName, 'company', 'LA');
    const selector = `form[action="${orgPath}/verification"]`;
    const mod = await moderator(browser, js);
    await page.goto(`${orgPath}?lang=en`);
    await disclose(page, selector);
    const list = await controls(page.locator(selector));
    const texts = freeText(list);
    expect(texts.map((c) => c.name)).toEqual(['evidence', 'registration_number']);

    // The registration number is one line of at most 60 characters: each request pairs the longest
    // payload left (the evidence) with the shortest (the number), so every payload fits once.
    const byLength = [...PAYLOADS].sort((a, b) => a.length - b.length);
    const rounds: Map<string, string>[] = [];
    for (let lo = 0, hi = byLength.length - 1; lo <= hi; lo++, hi--) {
      rounds.push(new Map([['evidence', byLength[hi]], ['registration_number', byLength[lo]]]));
    }
    const required = new Set<string>();
    for (const [i, batch] of rounds.entries()) {
      const lang = LANGS[i % LANGS.length];
      await page.goto(`${orgPath}?lang=${lang}`);
      await disclose(page, selector);
      await save(page, guard, selector, list, batch, required, js, `verification request ${i}`);
      guard.expectClean(`after verification request ${i}`);

      // The moderator reads it and refuses it, with a payload as the reason; the next request can go.
      await visit(mod.page, mod.guard, `/moderation?lang=${lang}`, [...batch.values()], js);
      const item = mod.page.getByRole('listitem').filter({ hasText: orgName });
      const reason = PAYLOADS[(i * 2 + 1) % PAYLOADS.length];
      await item.locator('input[name="reason"]').fill(reason);
      const refusal = await submit(mod.page, item.locator('form'), 'button[value="reject"]');
      expect(refusal.status(), `refusing request ${i}`).toBe(303);
      const queue = await refusal.request().redirectedTo()?.response();
      expect(queue, `the queue after refusing request ${i}`).toBeTruthy();
      if (js) await settle(mod.page);
      await expectInert(mod.page, queue!, mod.guard, `the queue after refusing request ${i}`);
    }
    await visit(page, guard, `${orgPath}?lang=lo`, [], js);
    await visit(mod.page, mod.guard, `/admin/audit?lang=vi`, [], js);
    await mod.page.context().close();
    await page.context().close();
  });
});

test.describe('report forms', () => {
  test('every payload in a report on an organisation or a listing renders inert in the moderation queue', async ({ browser }, testInfo) => {
    test.slow();
    const { page, guard, js, stamp } = await attacker(browser, testInfo, 'report', PAYLOADS[11]);
    // Someone else's organisation (one cannot report one's own) and a published demo listing.
    const other = await confirmedAccount(browser, `xss.reported.${stamp}@example.la`, { javaScriptEnabled: js });
    const orgPath = await createOrganisation(other, `Xss Reported ${stamp}`, 'company', 'VN');
    await other.context().close();
    await page.goto('/listings?kind=commodity&lang=en');
    const listingPath = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('main a[href^="/listings/"]'))
          .map((a) => new URL((a as HTMLAnchorElement).href).pathname)
          .find((p) => /^\/listings\/\d+$/.test(p)) ?? '',
    );
    expect(listingPath).toMatch(/^\/listings\/\d+$/);

    const required = new Set<string>();
    for (const [i, payload] of PAYLOADS.entries()) {
      const lang = LANGS[i % LANGS.length];
      const [path, selector] =
        i % 2 === 0 ? [orgPath, `form[action="${orgPath}/report"]`] : [listingPath, `form[action="${listingPath}/report"]`];
      await page.goto(`${path}?lang=${lang}`);
      await disclose(page, selector);
      const list = await controls(page.locator(selector));
      const texts = freeText(list);
      expect(texts.map((c) => c.name)).toEqual(['details']);
      const response = await save(page, guard, selector, list, new Map([['details', payload]]), required, js, `report ${i} on ${path}`);
      await expectInert(page, response, guard, `${path} after report ${i}`);
    }
    const mod = await moderator(browser, js);
    for (const lang of LANGS) await visit(mod.page, mod.guard, `/moderation?lang=${lang}`, PAYLOADS, js);
    await mod.page.context().close();
    await page.context().close();
  });
});
