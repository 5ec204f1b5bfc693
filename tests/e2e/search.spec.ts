// The search page as a buyer uses it: filters from facet counts, sorting, paging, and the
// whole state in the URL (shareable, back button).
import { expect, test } from '@playwright/test';

const count = async (text: string | null) => Number((text ?? '').split(' ')[0]!.replace(/,/g, ''));

test('facets filter, combine, live in the URL, and the back button undoes them', async ({ page }) => {
  await page.goto('/search/?q=cream');
  const status = page.getByTestId('result-count');
  await expect(status).toContainText('products found');
  const all = await count(await status.textContent());
  expect(all).toBeGreaterThan(1);

  const filters = page.getByRole('complementary', { name: 'Filters' });
  const pavilion = filters.getByRole('radio').nth(1);
  const pavilionLabel = (await pavilion.locator('..').textContent())!;
  const expected = Number(/\((\d+)\)/.exec(pavilionLabel)![1]);
  await pavilion.check();
  await expect(page).toHaveURL(/[?&]pavilion=[a-z0-9-]+/);
  await expect(status).toHaveText(new RegExp(`^${expected.toLocaleString('en')} products found`));

  // A shared link opens the same search.
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByTestId('result-count')).toHaveText(new RegExp(`^${expected.toLocaleString('en')} products found`));
  await expect(other.getByRole('complementary', { name: 'Filters' }).getByRole('radio', { checked: true })).toHaveCount(1);
  await other.close();

  await page.goBack();
  await expect(page).not.toHaveURL(/pavilion=/);
  await expect(status).toHaveText(new RegExp(`^${all.toLocaleString('en')} products found`));

  await page.getByLabel('Sort by').selectOption('moq');
  await expect(page).toHaveURL(/sort=moq/);
});

test('nothing found offers suggestions that search', async ({ page }) => {
  await page.goto('/search/?q=zzqxv');
  await expect(page.getByText('Nothing matched.')).toBeVisible();
  await page.getByRole('button', { name: 'vitamin C serum' }).click();
  await expect(page).toHaveURL(/q=vitamin/);
  await expect(page.locator('main ul.grid li h2 a').first()).toContainText(/serum/i);
});

test('companies and pavilions that match are listed beside the products, matched words highlighted', async ({ page, request }) => {
  const all = (await (await request.get('/api/search/all?q=skin&locale=en')).json()) as { companies: { hits: { slug: string; name: { text: string } }[] } };
  const company = all.companies.hits[0]!;
  await page.goto('/search/?q=skin');
  const directory = page.getByTestId('directory');
  const link = directory.getByRole('region', { name: 'Companies' }).getByRole('link', { name: company.name.text });
  await expect(link).toHaveAttribute('href', `/companies/${company.slug}/`);
  await expect(link.locator('mark').first()).toHaveText(/skin/i);
  await expect(page.locator('main ul.grid li h2 a mark').first()).toHaveText(/skin/i);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/companies/${company.slug}/$`));
});
