// Stored XSS in a real browser: the corpus, filling the real forms with it, and the checks run on
// every page that shows the saved text. The same corpus runs without a browser in
// server/tests/it/xss.rs; here Chromium parses the pages, runs the islands and would run any script
// that slipped through.
import { expect, type Locator, type Page, type Response } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wakeIslands } from './islands';

/** The payloads of data/security/xss_corpus.txt, read from the repository at test time. */
export function corpus(): string[] {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'data', 'security', 'xss_corpus.txt'), 'utf-8');
  return text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

export const LANGS = ['vi', 'lo', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A date `days` from today, as YYYY-MM-DD. */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Text inputs that take a code, not prose, and the valid value they get. Any other text input or
 * textarea is free text and gets a payload, so a new field joins the journey by construction (and
 * a new code field fails it until it is named here).
 */
const CODE_FIELDS: Record<string, string> = { hs_code: '4001' };

/** What the journey watches on a page: dialogs, calls of the hooked functions, CSP refusals. */
export class Guard {
  readonly problems: string[] = [];

  constructor(readonly page: Page) {
    page.on('dialog', async (dialog) => {
      this.problems.push(`${dialog.type()} dialog "${dialog.message()}" on ${page.url()}`);
      await dialog.dismiss().catch(() => {});
    });
    page.on('console', (message) => {
      // A payload that got into the page as markup and was only stopped by the Content Security
      // Policy still counts: the escaping must stop it, not the CSP.
      if (/Refused to (execute|load|apply|evaluate|frame|connect)|Content Security Policy/i.test(message.text())) {
        this.problems.push(`console ${message.type()}: ${message.text()} on ${page.url()}`);
      }
    });
    page.on('pageerror', (error) => {
      this.problems.push(`page error: ${error.message} on ${page.url()}`);
    });
  }

  /** Hooks the functions the payloads call and records CSP violations (runs where JS is on). */
  static async install(page: Page): Promise<Guard> {
    const guard = new Guard(page);
    await page.addInitScript(() => {
      const w = window as unknown as { __xss: string[] } & Record<string, unknown>;
      w.__xss = [];
      for (const name of ['alert', 'confirm', 'prompt', 'print']) {
        const original = w[name] as (...args: unknown[]) => unknown;
        w[name] = function (this: unknown, ...args: unknown[]) {
          w.__xss.push(`${name}(${args.map(String).join(', ')})`);
          return original.apply(this, args);
        };
      }
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__xss.push(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
      });
    });
    return guard;
  }

  expectClean(context: string) {
    expect(this.problems, `nothing ran or was refused (${context})`).toEqual([]);
  }
}

/**
 * Fails when the page holds anything a payload could have injected: an element or attribute the
 * page did not write itself, a script without this response's nonce, a script URL.
 */
export async function expectInert(page: Page, response: Response | null, guard: Guard, context: string) {
  const csp = response?.headers()['content-security-policy'] ?? '';
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1] ?? null;
  expect(nonce, `a script nonce in the CSP of ${context}`).not.toBeNull();
  const found = await page.evaluate((nonce) => {
    const problems: string[] = [];
    const show = (el: Element) => el.outerHTML.slice(0, 200);
    // Elements Corridor never writes: where one appears, it came from user text.
    const never = new Set([
      'iframe', 'object', 'embed', 'base', 'frame', 'frameset', 'applet', 'math', 'svg',
      'video', 'audio', 'source', 'template', 'style',
    ]);
    const urlAttrs = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'srcdoc']);
    let titles = 0;
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.localName.toLowerCase();
      if (never.has(tag)) problems.push(`injected element ${show(el)}`);
      if (tag === 'title') titles += 1;
      if (tag === 'meta' && el.hasAttribute('http-equiv')) problems.push(`injected meta ${show(el)}`);
      if (tag === 'img') {
        // The only images are logos the server stores and serves itself.
        const src = el.getAttribute('src') ?? '';
        if (!(src.startsWith('/') && !src.startsWith('//')) && !src.startsWith('data:image/')) {
          problems.push(`injected image ${show(el)}`);
        }
      }
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) problems.push(`injected event handler ${name} on ${show(el)}`);
        if (name.includes('xss') || name === 'autofocus' || name.includes('"') || name.includes("'")) {
          problems.push(`injected attribute ${name} on ${show(el)}`);
        }
        if (urlAttrs.has(name)) {
          const squashed = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
          if (squashed.includes('javascript:') || squashed.startsWith('data:text/html')) {
            problems.push(`script URL in ${name} of ${show(el)}`);
          }
        }
      }
      if (tag === 'script') {
        const script = el as HTMLScriptElement;
        if (script.type === 'application/ld+json') {
          const text = script.textContent ?? '';
          try {
            JSON.parse(text);
          } catch {
            problems.push(`JSON-LD no longer parses: ${text.slice(0, 200)}`);
          }
          if (text.includes('<')) problems.push(`'<' inside JSON-LD: ${text.slice(0, 200)}`);
        } else if (script.nonce !== nonce) {
          problems.push(`script without this response's nonce: ${show(el)}`);
        }
      }
    }
    if (titles > 1) problems.push(`${titles} <title> elements`);
    const hooked = (window as unknown as { __xss?: string[] }).__xss ?? [];
    for (const call of hooked) problems.push(`ran: ${call}`);
    return problems;
  }, nonce);
  expect(found, `nothing injected on ${context}`).toEqual([]);
  guard.expectClean(context);
}

/**
 * Opens `path` and checks it. `shows` are texts that must be on the page as text (or as the value
 * of a form control): the page really showed the payloads it is checked for.
 */
export async function visit(page: Page, guard: Guard, path: string, shows: string[] = [], js = true): Promise<Response | null> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBeLessThan(400);
  if (js) await settle(page);
  await expectShown(page, shows, path);
  await expectInert(page, response, guard, path);
  return response;
}

/**
 * With JavaScript on: the reader's pointer has brought the wasm, it has loaded and the islands have run (the header search box, an
 * island on every page, has become a combobox), so whatever hydration does to user text is done.
 */
export async function settle(page: Page) {
  await wakeIslands(page);
  await expect(page.locator('#header-q')).toHaveAttribute('role', 'combobox', { timeout: 15_000 });
}

export async function expectShown(page: Page, shows: string[], context: string) {
  if (shows.length === 0) return;
  const missing = await page.evaluate((shows) => {
    const text = document.body.textContent ?? '';
    const values = Array.from(document.querySelectorAll('input, textarea')).map(
      (el) => (el as HTMLInputElement | HTMLTextAreaElement).value,
    );
    return shows.filter((s) => !text.includes(s) && !values.includes(s));
  }, shows);
  expect(missing, `shown as text on ${context}`).toEqual([]);
}

/** A control of a rendered form. */
export type Control = {
  name: string;
  /** free text, a code, or anything with a fixed shape (select, number, date, url, checkbox…) */
  role: 'text' | 'code' | 'select' | 'number' | 'date' | 'url' | 'email' | 'checkbox' | 'other';
  multiline: boolean;
};

/** The named controls of `form`, read from the rendered markup. */
export async function controls(form: Locator): Promise<Control[]> {
  const raw = await form.evaluate((f) =>
    Array.from(f.querySelectorAll('input[name], textarea[name], select[name]')).map((el) => ({
      name: el.getAttribute('name')!,
      tag: el.localName,
      type: (el.getAttribute('type') ?? 'text').toLowerCase(),
    })),
  );
  const seen = new Set<string>();
  const out: Control[] = [];
  for (const { name, tag, type } of raw) {
    if (seen.has(name)) continue;
    seen.add(name);
    let role: Control['role'];
    if (tag === 'textarea') role = 'text';
    else if (tag === 'select') role = 'select';
    else if (type === 'text' || type === 'search') role = name in CODE_FIELDS ? 'code' : 'text';
    else if (['number', 'date', 'url', 'email', 'checkbox'].includes(type)) role = type as Control['role'];
    else role = 'other';
    out.push({ name, role, multiline: tag === 'textarea' });
  }
  return out;
}

/** The free-text controls, long (textarea) ones first: the longest payloads go there. */
export function freeText(list: Control[]): Control[] {
  const text = list.filter((c) => c.role === 'text');
  return [...text.filter((c) => c.multiline), ...text.filter((c) => !c.multiline)];
}

/**
 * Deals `payloads` out over the free-text fields of a form: one payload per field per submission,
 * the longest of each batch in the longest field. Every payload is used; the last batch is topped
 * up from the start of the list, so every field gets a payload in every submission (a form may
 * refuse some empty fields, e.g. a route needs a place or a province at each end).
 */
export function batches(fields: Control[], payloads: string[], rotate = 0): Map<string, string>[] {
  const shift = rotate % payloads.length;
  const rotated = [...payloads.slice(shift), ...payloads.slice(0, shift)];
  const out: Map<string, string>[] = [];
  for (let i = 0; i < rotated.length; i += fields.length) {
    const batch = rotated.slice(i, i + fields.length);
    for (let j = 0; batch.length < fields.length; j++) batch.push(rotated[j % rotated.length]);
    batch.sort((a, b) => b.length - a.length);
    out.push(new Map(fields.map((field, j) => [field.name, batch[j]])));
  }
  return out;
}

/**
 * Fills a form: payloads into the free-text fields (the others left empty), valid values into the
 * rest. `required` are the selects and checkbox groups the server asked for on an earlier try; they
 * get their first option. `overrides` replace a control's value.
 */
export async function fill(
  form: Locator,
  list: Control[],
  texts: Map<string, string>,
  required: Set<string>,
  overrides: Record<string, string> = {},
) {
  for (const control of list) {
    const field = form.locator(`[name="${control.name}"]`);
    const override = overrides[control.name];
    switch (control.role) {
      case 'text':
        await field.fill(override ?? texts.get(control.name) ?? '');
        break;
      case 'code':
        await field.fill(override ?? CODE_FIELDS[control.name]);
        break;
      case 'number':
        await field.fill(override ?? '1000');
        break;
      case 'date':
        await field.fill(override ?? inDays(30));
        break;
      case 'url':
        await field.fill(override ?? 'https://example.la');
        break;
      case 'email':
        await field.fill(override ?? 'trade@example.la');
        break;
      case 'select':
        if (override !== undefined) {
          await field.selectOption(override);
        } else if (required.has(control.name) && (await field.inputValue()) === '') {
          const first = await field.locator('option:not([value=""])').first().getAttribute('value');
          await field.selectOption(first!);
        }
        break;
      case 'checkbox':
        if (required.has(control.name)) await field.first().check();
        break;
      case 'other':
        break;
    }
  }
}

/** The names of the controls the server marked as wrong on a refused form. */
export async function fieldsInError(form: Locator): Promise<string[]> {
  return form.evaluate((f) => {
    const names = new Set<string>();
    for (const box of Array.from(f.querySelectorAll('.has-error'))) {
      for (const el of Array.from(box.querySelectorAll('[name]'))) names.add(el.getAttribute('name')!);
    }
    return [...names];
  });
}

/** Clicks the form's first submit button (or `button`); returns the answer to the POST it sends. */
export async function submit(page: Page, form: Locator, button = 'button[type=submit]'): Promise<Response> {
  const action = new URL((await form.getAttribute('action')) ?? page.url(), page.url()).pathname;
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === action && r.request().method() === 'POST'),
    form.locator(button).first().click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/** The value every free-text control of `form` holds, by name. */
export async function values(form: Locator): Promise<Record<string, string>> {
  return form.evaluate((f) =>
    Object.fromEntries(
      Array.from(f.querySelectorAll('input[name], textarea[name]')).map((el) => [
        el.getAttribute('name')!,
        (el as HTMLInputElement | HTMLTextAreaElement).value,
      ]),
    ),
  );
}
