// A buyer's first journey through the real hall: browse, search, request a meeting.
import { expect, test } from '@playwright/test';
import { firstProductWithPictures } from './product-links.ts';

test.describe('buyer journey', () => {
  test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

  test('browse a pavilion, open a product and book a video meeting', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Korean exporters');
    const pavilions = page.locator('#pavilions + ul > li');
    expect(await pavilions.count()).toBeGreaterThanOrEqual(12);

    await pavilions.first().getByRole('link').click();
    await expect(page).toHaveURL(/\/pavilions\/[a-z0-9-]+\/$/);
    // The grid is paged statically; page 2 has other products and leads back.
    const firstOnPage1 = await page.locator('main ul.grid > li h3 a').first().textContent();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next ›' }).click();
    await expect(page).toHaveURL(/\/pavilions\/[a-z0-9-]+\/page\/2\/$/);
    await expect(page.locator('main ul.grid > li h3 a').first()).not.toHaveText(firstOnPage1!);
    await page.getByRole('link', { name: '‹ Previous' }).click();
    await expect(page).toHaveURL(/\/pavilions\/[a-z0-9-]+\/$/);
    // A product with pictures (another test may have published one without, newest first).
    const product = await firstProductWithPictures(page);
    await page.locator(`main ul.grid > li h3 a[href="${product}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${product}$`));
    const companyLink = page.locator('aside .card h2 a');
    await expect(companyLink).toHaveAttribute('href', /\/companies\/[a-z0-9-]+\/$/);
    // The product's picture: a modern format at a width that fits, actually served, with alt text.
    const picture = page.locator('aside .gallery img').first();
    await expect(picture).toHaveAttribute('alt', /\w/);
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await picture.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/api\/media\/[0-9a-f]{32}\/\d+\.(avif|webp)$/);

    const form = page.locator('section.cta form');
    await expect(form.getByText('When? Times in America/New_York')).toBeVisible();
    // The country starts unchosen (a required choice); another zone lists its own local times.
    await expect(form.getByLabel('Country')).toHaveValue('');
    const firstTime = () => form.locator('.slots label').nth(1).innerText();
    await expect.poll(firstTime).toMatch(/\d\d:\d\d/);
    const inNewYork = await firstTime();
    // Until the buyer reaches for it, the zone select holds only their own zone; then all of them.
    await expect(form.getByLabel('Your time zone').locator('option')).toHaveCount(1);
    await form.getByLabel('Your time zone').focus();
    await expect(form.getByLabel('Your time zone').locator('option')).not.toHaveCount(1);
    await form.getByLabel('Your time zone').selectOption('Asia/Tokyo');
    await expect(form.getByText('When? Times in Asia/Tokyo')).toBeVisible();
    await expect.poll(firstTime).not.toBe(inNewYork);
    await form.getByLabel('Your time zone').selectOption('America/New_York');
    await expect.poll(firstTime).toBe(inNewYork);
    await form.getByLabel('Your name').fill('Jane Doe');
    await form.getByLabel('Your company').fill('Acme Imports LLC');
    await form.getByLabel('Country').selectOption('US');
    await form.getByLabel('E-mail').fill(`jane+${Date.now()}@acme.test`);
    // Pick the second offered time explicitly, and check it comes back as chosen.
    const choice = form.locator('.slots input[type=radio]').nth(1);
    await expect(choice).toBeVisible();
    const chosenLabel = (await choice.locator('..').innerText()).split('·')[0]!.trim();
    const chosenInstant = await choice.inputValue();
    await choice.check();
    // The first answer is lost on the way back (the booking itself is made): the buyer sees a
    // network error and sends again. The same request carries the same Idempotency-Key, so the
    // retry is answered with that booking, not refused because the buyer is now busy then.
    let lost = false;
    await page.route('**/api/meeting-requests', async (route) => {
      if (lost) return route.continue();
      lost = true;
      expect((await route.fetch()).status()).toBe(201);
      await route.abort('connectionreset');
    });
    await form.getByRole('button', { name: 'Request a video meeting' }).click();
    await expect(form.getByText('Could not reach the server.')).toBeVisible();
    await form.getByRole('button', { name: 'Request a video meeting' }).click();

    const confirmation = page.getByTestId('confirmation');
    await expect(confirmation).toBeVisible();
    await expect(page.getByTestId('buyer-time')).toContainText('(America/New_York)');
    await expect(page.getByTestId('buyer-time')).toContainText(chosenLabel);
    await expect(page.getByTestId('korea-time')).toContainText('(Asia/Seoul)');
    await expect(page.getByTestId('room')).toContainText(/Room|Booth/);

    // The private manage link shows the same instant, in both zones.
    const manageHref = await confirmation.getByRole('link', { name: 'manage your meeting' }).getAttribute('href');
    const view = async () => (await (await page.request.get(manageHref!, { headers: { accept: 'application/json' } })).json()) as {
      startsAt: string; status: string; buyerTime: { timeZone: string };
    };
    expect((await view()).startsAt).toBe(chosenInstant);
    const ics = await (await page.request.get(`${manageHref}/invite.ics`)).text();
    expect(ics).toContain(`DTSTART:${chosenInstant.replace(/[-:]/g, '').replace('.000', '')}`);
    expect((await view()).buyerTime.timeZone).toBe('America/New_York');

    // Reschedule on the manage page, then cancel: each visible to the buyer and in the data.
    await page.goto(manageHref!);
    await expect(page.getByTestId('buyer-time')).toContainText('(America/New_York)');
    await expect(page.getByTestId('korea-time')).toContainText('(Asia/Seoul)');
    const newStart = await page.getByLabel('New time').locator('option').nth(2).getAttribute('value');
    await page.getByLabel('New time').selectOption(newStart!);
    await page.getByRole('button', { name: 'Move' }).click();
    await expect(page.getByRole('status')).toContainText('Your meeting has been moved.');
    expect((await view()).startsAt).toBe(newStart);

    await page.getByRole('button', { name: 'Cancel this meeting' }).click();
    await expect(page.getByRole('status')).toContainText('Your meeting has been cancelled.');
    await expect(page.getByTestId('status')).toHaveText('cancelled');
    expect((await view()).status).toBe('cancelled');
  });

  test('search forgives a typo and leads to the product', async ({ page, request }) => {
    const health = (await (await request.get('/api/health')).json()) as { search: { ok: boolean; detail?: string } };
    expect(health.search.ok, `search must be on for this test: ${health.search.detail ?? ''}`).toBe(true);
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'What are you looking for?' }).fill('serun'); // serum, one typo
    await page.getByRole('searchbox', { name: 'What are you looking for?' }).press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=serun/);
    const first = page.locator('main ul.grid li h2 a').first();
    await expect(first).toContainText(/serum/i);
    await first.click();
    await expect(page).toHaveURL(/\/products\//);
  });

  test('unknown pages answer 404 with a way back', async ({ page }) => {
    const res = await page.goto('/products/no-such-product/');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('link', { name: /entrance/ })).toBeVisible();
  });
});
