// Saved searches (issue #12): a Vietnamese buyer saves a search for Lao rubber, chooses daily
// e-mails, finds it among their saved searches with its Atom feed, and stops the e-mails.
// Hydrated and with JavaScript disabled: plain forms and links.
import { expect, test } from '@playwright/test';
import { confirmedAccount, jsEnabled, uniqueStamp } from './support/accounts';

test('a buyer saves a search with daily e-mails and follows it by feed', async ({ browser }, testInfo) => {
  const stamp = uniqueStamp(testInfo);
  const buyer = await confirmedAccount(browser, `buyer.${stamp}@tyres.vn`, { javaScriptEnabled: jsEnabled(testInfo) });
  await buyer.goto('/search?q=cao+su&lang=en');
  await expect(buyer.getByRole('link', { name: 'Atom feed' })).toHaveAttribute('href', '/search.atom?q=cao%20su');
  await buyer.getByText('Save this search').click();
  const name = `Rubber ${stamp}`;
  await buyer.getByLabel('Name', { exact: true }).fill(name);
  await buyer.getByLabel('E-mail me what is new').selectOption('daily');
  await buyer.getByRole('button', { name: 'Save the search' }).click();
  await expect(buyer.getByRole('status')).toHaveText('Search saved.');
  const item = buyer.getByRole('listitem').filter({ has: buyer.getByRole('heading', { name }) });
  await expect(item.getByLabel('E-mail me what is new')).toHaveValue('daily');
  // The feed is an Atom document with the rubber offers.
  const feed = await buyer.request.get('/search.atom?q=cao%20su');
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  expect(await feed.text()).toContain('<feed');
  // No more e-mails, the search kept.
  await item.getByLabel('E-mail me what is new').selectOption('off');
  await item.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(buyer.getByRole('status')).toHaveText('Saved.');
  await expect(buyer.getByRole('listitem').filter({ has: buyer.getByRole('heading', { name }) }).getByLabel('E-mail me what is new')).toHaveValue('off');
});
