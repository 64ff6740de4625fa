// Introductions (issue #12): a Lao rubber seller and a Vietnamese buyer reach each other. The
// buyer finds the offer, asks for an introduction, the seller accepts, both see each other's
// contacts and exchange a message; the buyer declines another request with a reason. Runs
// hydrated and with JavaScript disabled: every step is a plain form.
import { expect, test } from '@playwright/test';
import { confirmedAccount, createOrganisation, jsEnabled, uniqueStamp } from './support/accounts';

test('a Lao rubber seller and a Vietnamese buyer are introduced and write to each other', async ({ browser }, testInfo) => {
  const stamp = uniqueStamp(testInfo);
  const js = jsEnabled(testInfo);

  // The seller: an organisation with private contacts, and a rubber offer written in Lao only.
  const seller = await confirmedAccount(browser, `seller.${stamp}@rubber.la`, { javaScriptEnabled: js, name: 'Khamla' });
  const sellerName = `Attapeu Rubber ${stamp}`;
  const sellerPath = await createOrganisation(seller, sellerName, 'company', 'LA');
  await seller.goto(`${sellerPath}/edit?lang=en`);
  await seller.getByLabel('Contact person').fill('Khamla Sisouphanh');
  await seller.getByLabel('Phone').fill('+856 20 5555 0199');
  await seller.getByLabel('Messaging (Zalo, WhatsApp, LINE …)').fill(`wa-${stamp}`);
  await seller.getByRole('button', { name: 'Save' }).click();
  await seller.goto('/listings/new?kind=commodity&lang=en');
  const title = `ຢາງພາລາ RSS3 ${stamp}`;
  await seller.getByLabel('Title (Lao)').fill(title);
  await seller.getByLabel('Direction').selectOption('offer');
  // The seller types the product in Lao; the form offers the headings, one click fills the code.
  await seller.getByLabel('HS code').fill('ຢາງພາລາ');
  await seller.getByRole('button', { name: 'Publish', exact: true }).click();
  await seller.getByRole('button', { name: /^40\.01 / }).click();
  await expect(seller.getByLabel('HS code')).toHaveValue('4001');
  await expect(seller.getByLabel('Title (Lao)')).toHaveValue(title);
  await seller.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(seller.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const listingPath = new URL(seller.url()).pathname;

  // The buyer finds it and asks; the contacts stay hidden meanwhile.
  const buyer = await confirmedAccount(browser, `buyer.${stamp}@tyres.vn`, { javaScriptEnabled: js, name: 'Lan' });
  const buyerName = `Hanoi Tyres ${stamp}`;
  const buyerPath = await createOrganisation(buyer, buyerName, 'company', 'VN');
  await buyer.goto(`${listingPath}?lang=en`);
  await expect(buyer.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(buyer.getByText(`wa-${stamp}`)).toHaveCount(0);
  await buyer.getByText(`Request an introduction to ${sellerName}`).click();
  await buyer.getByLabel('Your message (who you are, what you are looking for)').fill('We make tyres in Hà Nội: 200 t a month?');
  await buyer.getByLabel('Quantity you have in mind').fill('200 t a month');
  await buyer.getByRole('button', { name: 'Send the request' }).click();
  await expect(buyer.getByRole('status')).toContainText('Request sent.');

  // The seller sees it in the inbox (with the unread badge) and accepts.
  await seller.goto('/?lang=en');
  await expect(seller.locator('.account-links .count')).toHaveText('1');
  await seller.getByRole('link', { name: /Inbox/ }).click();
  await seller.getByRole('link', { name: buyerName }).click();
  await expect(seller.getByText('200 t a month', { exact: true })).toBeVisible();
  await seller.getByRole('button', { name: 'Accept and share contacts' }).click();
  await expect(seller.getByRole('status')).toContainText('Accepted.');
  await expect(seller.getByText(`buyer.${stamp}@tyres.vn`)).toBeVisible();

  // The buyer sees the seller's contacts and writes; the seller reads it and answers.
  await buyer.goto('/inbox?lang=en');
  await buyer.getByRole('link', { name: sellerName }).click();
  await expect(buyer.getByText('Khamla Sisouphanh')).toBeVisible();
  await expect(buyer.getByText('+856 20 5555 0199')).toBeVisible();
  await buyer.getByLabel('Write a message').fill('Can you send a sample to Hà Tĩnh?');
  await buyer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(buyer.getByText('Can you send a sample to Hà Tĩnh?')).toBeVisible();
  await seller.reload();
  await expect(seller.getByText('Can you send a sample to Hà Tĩnh?')).toBeVisible();
  await seller.getByLabel('Write a message').fill('Yes, next week via Bờ Y.');
  await seller.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(seller.getByText('Yes, next week via Bờ Y.')).toBeVisible();

  // Another request, this one to the buyer, which the buyer declines with a reason.
  const other = await confirmedAccount(browser, `other.${stamp}@cassava.la`, { javaScriptEnabled: js });
  const otherName = `Savan Cassava ${stamp}`;
  await createOrganisation(other, otherName, 'company', 'LA');
  await other.goto(`${buyerPath}?lang=en`);
  await other.getByText(`Request an introduction to ${buyerName}`).click();
  await other.getByLabel('Your message (who you are, what you are looking for)').fill('Cassava chips at 180 USD/t?');
  await other.getByRole('button', { name: 'Send the request' }).click();
  await expect(other.getByRole('status')).toContainText('Request sent.');
  await buyer.goto('/inbox?lang=vi');
  await buyer.getByRole('link', { name: otherName }).click();
  await buyer.getByText('Từ chối', { exact: true }).first().click();
  await buyer.getByLabel('Lý do từ chối').selectOption('price');
  await buyer.getByRole('button', { name: 'Từ chối', exact: true }).last().click();
  await expect(buyer.getByRole('status')).toContainText('Đã từ chối.');
  await other.goto('/inbox?lang=en');
  await other.getByRole('link', { name: buyerName }).click();
  await expect(other.getByText('The price does not suit')).toBeVisible();
  await expect(other.getByText('+856')).toHaveCount(0);
});
