// The static pages carry a Content-Security-Policy (Astro's built-in CSP, a <meta http-equiv>
// with hashes of the scripts and styles Astro emits). Every page type must work under it:
// no violation reported, islands hydrated and talking to the API, pictures loaded, and no
// script allowed by 'unsafe-inline'.
import { expect, test, type Page } from '@playwright/test';
import { watchCsp as watch } from './csp-watch.ts';
import { firstProductWithPictures } from './product-links.ts';

async function policyOf(page: Page): Promise<string> {
  const metas = page.locator('head meta[http-equiv="content-security-policy"]');
  await expect(metas).toHaveCount(1);
  return (await metas.getAttribute('content')) ?? '';
}

function expectStrict(policy: string, url: string) {
  const directive = (name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
  expect(directive('script-src'), url).toMatch(/^script-src 'self'( 'sha(256|384|512)-[A-Za-z0-9+/=]+')+$/);
  expect(policy, url).not.toContain("'unsafe-inline'");
  expect(policy, url).not.toContain("'unsafe-eval'");
  expect(directive('object-src'), url).toBe("object-src 'none'");
  expect(directive('default-src'), url).toBe("default-src 'self'");
}

async function firstHref(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const found = hrefs.find((h) => pattern.test(h));
  if (!found) throw new Error(`no link matching ${pattern}`);
  return found;
}

test('every page type works under its Content-Security-Policy, islands included', async ({ page, request }) => {
  test.setTimeout(180_000);
  const health = (await (await request.get('/api/health')).json()) as { search: { ok: boolean } };
  expect(health.search.ok, 'search must be on for this test').toBe(true);
  const seen = await watch(page);
  const visit = async (path: string) => {
    const res = await page.goto(path);
    expectStrict(await policyOf(page), path);
    // frame-ancestors is ignored in a <meta> policy: the server sends it as a header.
    expect(res?.headers()['content-security-policy'], path).toBe("frame-ancestors 'none'");
  };

  // Home, in English and Korean.
  await visit('/');
  await expect(page.locator('section.figures li')).toHaveCount(4);
  await visit('/ko/');

  // A pavilion, a product with its pictures and the meeting island, a company with its island.
  await visit('/');
  await visit(await firstHref(page, /^\/pavilions\/[a-z0-9-]+\/$/));
  await visit(await firstProductWithPictures(page));
  const picture = page.locator('aside .gallery img').first();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const form = page.locator('section.cta form');
  await expect(form.locator('.slots input[type=radio]').first()).toBeVisible(); // hydrated, and its slots came from the API
  await visit(await firstHref(page, /^\/companies\/[a-z0-9-]+\/$/));
  await expect(page.locator('section.cta form')).toBeVisible();

  // Search: the island asks the API and shows results.
  await visit('/search/?q=serum');
  await expect(page.locator('main ul.grid li h2 a').first()).toContainText(/serum/i);
  await visit('/ja/search/?q=KF94');
  await expect(page.locator('main ul.grid li h2 a').first()).toBeVisible();

  // The company portal: a visitor's sign-in, then the demo owner's dashboard.
  await visit('/portal/');
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('E-mail').fill('owner@pavilion.localhost');
  await signIn.getByLabel('Password').fill('pavilion-owner-demo');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /sign out/i })).toBeVisible();
  await visit('/ko/portal/');
  await expect(page.locator('main h1')).toHaveText('기업 포털');

  // Staff moderation: signed in as staff, the queue loads from the API.
  await page.context().clearCookies();
  await visit('/control/moderation/');
  await page.getByLabel('E-mail').fill('staff@pavilion.localhost');
  await page.getByLabel('Password').fill('pavilion-staff-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /^Waiting for review/ })).toBeVisible();

  // 404.
  await page.goto('/no-such-page/');
  expectStrict(await policyOf(page), '/no-such-page/');

  expect(seen.violations, JSON.stringify(seen.violations, null, 2)).toEqual([]);
  expect(seen.console, seen.console.join('\n')).toEqual([]);
});

test('the policy is enforced: an injected inline script is refused and reported', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('/');
  // What an attacker's markup would do if it ever reached a page: an inline script element.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
  });
  await expect.poll(() => seen.violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
  expect(seen.violations[0]!.directive).toBe('script-src-elem');
});
