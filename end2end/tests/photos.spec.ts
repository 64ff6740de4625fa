// Photos on listings (issue #12): a seller adds a photo from the edit page (a plain multipart
// form: it works without JavaScript), sees it on the listing and as the cover of its card, and
// removes it. Hydrated and without JS.
import { expect, test } from '@playwright/test';
import { confirmedAccount, createOrganisation, jsEnabled, uniqueStamp } from './support/accounts';

// A valid 1 × 1 PNG; the server decodes and writes it again as JPEG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

test('a seller adds a photo to a listing and it shows on the listing and its card', async ({ browser }, testInfo) => {
  const js = jsEnabled(testInfo);
  const stamp = uniqueStamp(testInfo);
  const page = await confirmedAccount(browser, `photos.${stamp}@coffee.la`, { javaScriptEnabled: js });
  const company = `Paksong Coffee ${stamp}`;
  await createOrganisation(page, company, 'company', 'LA');
  const title = `Arabica green coffee ${stamp}`;
  await page.goto('/listings/new?kind=commodity&lang=en');
  await page.getByLabel('Title (English)').fill(title);
  await page.getByLabel('Direction', { exact: true }).selectOption('offer');
  await page.getByLabel('HS code').fill('0901');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page).toHaveURL(/\/listings\/\d+\?notice=saved/);
  const id = new URL(page.url()).pathname.split('/')[2];

  // Something that is not an image is refused with a message.
  await page.goto(`/listings/${id}/edit?lang=en`);
  await page.getByLabel('Add a photo').setInputFiles({ name: 'coffee.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<svg onload="alert(1)"/>') });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByText('Choose a photo in JPEG, PNG or WebP format.')).toBeVisible();

  await page.getByLabel('Add a photo').setInputFiles({ name: 'coffee.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByText('Photo added.')).toBeVisible();

  // On the listing: the photo, described; on the browse list: the card's cover.
  await page.goto(`/listings/${id}?lang=en`);
  const shown = page.getByRole('img', { name: `Photo 1 of ${title}` });
  await expect(shown).toBeVisible();
  const src = await shown.getAttribute('src');
  expect(src).toMatch(/^\/uploads\/photos\/\d+-[0-9a-f]+-t\.jpg$/);
  const image = await page.request.get(src!);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/jpeg');
  await page.goto('/listings?kind=commodity&lang=en');
  await expect(page.locator('li.listing-card').filter({ hasText: title }).locator('img.card-photo')).toHaveAttribute('src', src!);

  // Removed again: gone from the listing.
  await page.goto(`/listings/${id}/edit?lang=en`);
  await page.getByRole('button', { name: 'Remove photo' }).click();
  await expect(page.getByText('Photo removed.')).toBeVisible();
  await page.goto(`/listings/${id}?lang=en`);
  await expect(page.getByRole('img', { name: `Photo 1 of ${title}` })).toHaveCount(0);
});
