import { expect, test, type Response } from '@playwright/test';
import { renderedFonts } from './support/chromium';

const titles = {
  vi: 'Thương mại và đầu tư qua biên giới Việt – Lào',
  lo: 'ການຄ້າ ແລະ ການລົງທຶນຜ່ານຊາຍແດນ ລາວ – ຫວຽດນາມ',
  en: 'Trade and investment across the Vietnam–Laos border',
} as const;

const laoFontFiles = ['/fonts/noto-sans-lao-lao-400-normal.woff2', '/fonts/noto-sans-lao-lao-700-normal.woff2'];

test('a visitor opens the home page in each language and sees Lao script rendered', async ({ page }) => {
  // Every page shows some Lao (at least "ພາສາລາວ" in the language switcher), so the web font
  // may be fetched on the first page already; record the font responses for the whole visit.
  const fonts = new Map<string, { status: number; contentType?: string }>();
  page.on('response', (response: Response) => {
    const path = new URL(response.url()).pathname;
    if (laoFontFiles.includes(path)) {
      fonts.set(path, { status: response.status(), contentType: response.headers()['content-type'] });
    }
  });

  for (const lang of ['vi', 'lo', 'en'] as const) {
    await test.step(`home page in ${lang}`, async () => {
      const response = await page.goto(`/?lang=${lang}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[lang]);
    });

    if (lang === 'lo') {
      await test.step('the Lao web font is served and draws the Lao text', async () => {
        // Both weights are used on this page: the heading is bold, the introduction regular.
        for (const file of laoFontFiles) {
          await expect.poll(() => fonts.get(file), { message: `${file} was fetched` }).toBeDefined();
          // 304 when the browser revalidates the copy it fetched on an earlier page of the visit.
          const font = fonts.get(file)!;
          expect([200, 304], `${file}: ${font.status}`).toContain(font.status);
          if (font.status === 200) expect(font.contentType).toBe('font/woff2');
        }
        // Which font actually drew the glyphs. The machine may also have a Lao font installed;
        // isCustomFont tells the web font (loaded through @font-face) from such a fallback.
        for (const selector of ['main h1', 'main p.lead']) {
          await expect
            .poll(async () => {
              const fonts = await renderedFonts(page, selector);
              return fonts.find((f) => f.familyName === 'Noto Sans Lao' && f.isCustomFont)?.glyphCount ?? 0;
            }, { message: `Lao glyphs of ${selector} drawn with the Noto Sans Lao web font` })
            .toBeGreaterThan(10);
        }
      });
    }
  }
});
