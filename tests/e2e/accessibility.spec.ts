// Zero axe violations (WCAG 2.1 A and AA rules) on every page type.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function firstLink(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const found = hrefs.find((h) => pattern.test(h));
  if (!found) throw new Error(`no link matching ${pattern}`);
  return found;
}

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, summary.join('\n')).toEqual([]);
}

test('every page type has no axe violations', async ({ page }) => {
  await page.goto('/');
  await expectNoViolations(page);
  const pavilion = await firstLink(page, /^\/pavilions\/[a-z0-9-]+\/$/);
  await page.goto(pavilion);
  await expectNoViolations(page);
  const product = await firstLink(page, /^\/products\/[a-z0-9-]+\/$/);
  await page.goto(product);
  await expect(page.locator('section.cta form')).toBeVisible(); // the island, hydrated
  await expectNoViolations(page);
  const company = await firstLink(page, /^\/companies\/[a-z0-9-]+\/$/);
  await page.goto(company);
  await expectNoViolations(page);
  await page.goto('/search/?q=serum');
  await expect(page.locator('main ul.grid li').first()).toBeVisible();
  await expectNoViolations(page);
  await page.goto('/no-such-page/');
  await expectNoViolations(page);

  // The buyer's manage page, served by the API.
  const booking = await page.request.post('/api/meeting-requests', {
    data: { productSlug: product.split('/')[2], buyer: { name: 'Axe Tester', company: 'A11y GmbH', country: 'DE', email: `axe+${Date.now()}@a11y.test`, language: 'en', timeZone: 'Europe/Berlin' } },
  });
  expect(booking.status()).toBe(201);
  await page.goto(((await booking.json()) as { manageUrl: string }).manageUrl);
  await expectNoViolations(page);
});
