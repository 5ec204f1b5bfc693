// The hall in the buyer's language: Korean complete, the interface in Japanese, Chinese,
// Russian and Vietnamese, product and company pages wherever the exporter wrote text in
// that language; hreflang alternates, a switcher that keeps the page, zero axe violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

const LOCALES = ['en', 'ko', 'ja', 'zh', 'ru', 'vi'] as const;
type Locale = (typeof LOCALES)[number];
const LANG: Record<Locale, string> = { en: 'en', ko: 'ko', ja: 'ja', zh: 'zh-Hans', ru: 'ru', vi: 'vi' };
const prefix = (l: Locale) => (l === 'en' ? '' : `/${l}`);

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, `${page.url()}\n${summary.join('\n')}`).toEqual([]);
}

/** [hreflang, path] of the page's alternate links, in document order. */
const alternates = (page: Page) =>
  page.locator('link[rel=alternate][hreflang]').evaluateAll((links) =>
    links.map((l) => [l.getAttribute('hreflang') ?? '', new URL(l.getAttribute('href') ?? '').pathname]));

// The sitemap lists every page in every language it exists in: the tests pick pages from it.
// A large catalogue's sitemap.xml is an index of parts (sitemap-1.xml, ...): follow it.
let sitemapPaths: Promise<string[]> | undefined;
function pagesInSitemap(request: APIRequestContext): Promise<string[]> {
  const locs = async (path: string) => [...(await (await request.get(path)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  sitemapPaths ??= (async () => {
    const top = await locs('/sitemap.xml');
    if (!top.every((p) => /^\/sitemap-\d+\.xml$/.test(p)) || top.length === 0) return top;
    return (await Promise.all(top.map(locs))).flat();
  })();
  return sitemapPaths;
}
async function firstPage(request: APIRequestContext, locale: Locale, kind: 'products' | 'companies'): Promise<string | undefined> {
  const pattern = new RegExp(`^${prefix(locale)}/${kind}/[a-z0-9-]+/$`);
  return (await pagesInSitemap(request)).find((p) => pattern.test(p));
}

test('the Korean home: Korean words, lang, hreflang for every language, links that stay in Korean', async ({ page }) => {
  await page.goto('/ko/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('한국 수출기업을 온라인에서 직접 만나세요');
  await expect(page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '검색' })).toHaveAttribute('href', '/ko/search/');
  expect(await alternates(page)).toEqual([
    ['en', '/'], ['ko', '/ko/'], ['ja', '/ja/'], ['zh-Hans', '/zh/'], ['ru', '/ru/'], ['vi', '/vi/'], ['x-default', '/'],
  ]);
  expect(new URL(await page.locator('link[rel=canonical]').getAttribute('href') ?? '').pathname).toBe('/ko/');

  const pavilions = page.locator('#pavilions + ul > li h3 a');
  expect(await pavilions.count()).toBeGreaterThanOrEqual(12);
  for (const href of await pavilions.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/ko\/pavilions\//);
  await expect(pavilions.first()).toHaveText('뷰티·화장품');

  // The home's search form searches in Korean.
  await page.getByRole('searchbox', { name: '어떤 제품을 찾으시나요?' }).fill('serum');
  await page.getByRole('searchbox', { name: '어떤 제품을 찾으시나요?' }).press('Enter');
  await expect(page).toHaveURL(/\/ko\/search\/\?q=serum/);
});

test.describe('a buyer in Hanoi reading Korean', () => {
  test.use({ timezoneId: 'Asia/Ho_Chi_Minh' });

  test('a Korean product page: Korean text and facts, Korean links, and a booking confirmed in Korean', async ({ page }) => {
    await page.goto('/ko/');
    await page.locator('#pavilions + ul > li h3 a').first().click();
    await expect(page).toHaveURL(/^[^?]*\/ko\/pavilions\/[a-z0-9-]+\/$/);
    await expect(page.getByRole('navigation', { name: '페이지' })).toBeVisible();
    await page.locator('main ul.grid > li h3 a').first().click();
    await expect(page).toHaveURL(/\/ko\/products\/[a-z0-9-]+\/$/);

    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.locator('h1 [lang]')).toHaveCount(0); // the name is Korean, not a fallback
    const nav = page.getByRole('navigation', { name: '현재 위치' });
    await expect(nav.getByRole('link', { name: '홈' })).toHaveAttribute('href', '/ko/');
    await expect(nav.getByRole('link').nth(1)).toHaveAttribute('href', /^\/ko\/pavilions\//);
    await expect(page.locator('aside dl.facts dt').first()).toHaveText('MOQ(최소 주문 수량)');
    await expect(page.locator('aside .card h2 a')).toHaveAttribute('href', /^\/ko\/companies\/[a-z0-9-]+\/$/);

    const form = page.locator('section.cta form');
    await expect(form.getByLabel('상담 언어')).toHaveValue('ko');
    await form.getByLabel('이름').fill('김민준');
    await form.getByLabel('회사명').fill('Hanoi Trading JSC');
    await form.getByLabel('국가').selectOption('VN');
    await form.getByLabel('이메일').fill(`minjun+${Date.now()}@hanoi.test`);
    await expect(form.locator('.slots input[type=radio]').nth(1)).toBeVisible();
    await form.getByRole('button', { name: '화상 상담 신청' }).click();
    const confirmation = page.getByTestId('confirmation');
    await expect(confirmation.getByRole('heading')).toHaveText('화상 상담이 예약되었습니다');
    await expect(confirmation.getByRole('link', { name: '상담 관리' })).toBeVisible();
    await expect(page.getByTestId('buyer-time')).toContainText(/\(Asia\/(Ho_Chi_Minh|Saigon)\)/); // Chromium may name the zone by its old alias
    await expect(page.getByTestId('korea-time')).toContainText('(Asia/Seoul)');
  });
});

test('a Japanese product page exists where the exporter wrote Japanese, and the switcher keeps the page', async ({ page, request }) => {
  const pagesIn = async (l: Locale) => new Set((await (await request.get(`/${l}/product-pages.json`)).json()) as string[]);
  const [japanese, russian, vietnamese] = await Promise.all([pagesIn('ja'), pagesIn('ru'), pagesIn('vi')]);
  expect(japanese.size).toBeGreaterThan(0);
  // One in Japanese but neither Russian nor Vietnamese.
  const slug = [...japanese].find((s) => !russian.has(s) && !vietnamese.has(s))!;
  expect(slug).toBeDefined();
  await page.goto(`/ja/products/${slug}/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('h1 [lang]')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '主な情報' })).toBeVisible();
  const links = await alternates(page);
  expect(links).toEqual(expect.arrayContaining([['en', `/products/${slug}/`], ['ko', `/ko/products/${slug}/`], ['ja', `/ja/products/${slug}/`], ['x-default', `/products/${slug}/`]]));
  expect(links.filter(([l]) => l === 'ru' || l === 'vi')).toEqual([]); // no Russian or Vietnamese text, no such page

  const switcher = page.getByRole('navigation', { name: '言語' });
  await expect(switcher.getByRole('link', { name: '日本語' })).toHaveAttribute('aria-current', 'page');
  for (const link of await switcher.getByRole('link').all()) {
    await expect(link).toHaveAttribute('hreflang', /.+/);
    await expect(link).toHaveAttribute('lang', /.+/);
  }
  await switcher.getByRole('link', { name: '한국어' }).click();
  await expect(page).toHaveURL(new RegExp(`/ko/products/${slug}/$`));
  await page.getByRole('navigation', { name: '언어' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${slug}/$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // No Russian text for this product: the switcher leads to the Russian home instead.
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Русский' }).click();
  await expect(page).toHaveURL(/\/ru\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});

test('Russian and Vietnamese product pages and Japanese and Chinese company pages show the exporter\'s own words', async ({ page, request }) => {
  // Vietnamese is written in Latin letters with diacritics (a name may have none: "Robot SCARA"; the summary has).
  for (const [locale, letters] of [['ru', /[а-яё]/i], ['vi', /[À-ỹ]/]] as const) {
    const path = (await firstPage(request, locale, 'products'))!;
    expect(path, `a product page in ${locale}`).toBeDefined();
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', LANG[locale]);
    await expect(page.locator('h1 [lang]')).toHaveCount(0); // the name is the exporter's own, not a fallback
    if (locale === 'ru') await expect(page.locator('h1')).toHaveText(letters);
    const summary = page.locator('article > p strong').first();
    await expect(summary).toHaveText(letters);
    await expect(summary.locator('[lang]')).toHaveCount(0);
  }
  for (const [locale, letters] of [['ja', /[ぁ-んァ-ン]/], ['zh', /[\u4e00-\u9fff]/]] as const) {
    const path = (await firstPage(request, locale, 'companies'))!;
    expect(path, `a company page in ${locale}`).toBeDefined();
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', LANG[locale]);
    const about = page.locator('main > p').filter({ hasText: letters }).first();
    await expect(about).toBeVisible();
    await expect(about.locator('span[lang=en]')).toHaveCount(0); // written in the page's language
  }
});

test('on a Japanese pavilion page, English fallbacks are marked and lead to the English pages', async ({ page }) => {
  await page.goto('/ja/');
  await page.locator('#pavilions + ul > li h3 a').first().click();
  await expect(page).toHaveURL(/\/ja\/pavilions\/[a-z0-9-]+\/$/);
  // Pavilion names exist in English and Korean only: shown in English, marked as such.
  await expect(page.locator('h1 span[lang=en]')).toBeVisible();
  await expect(page.locator('h1 .fallback-note')).toHaveText('（英語）');
  const cards = page.locator('main ul.grid > li h3 a');
  for (const [href, hreflang, lang] of await cards.evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('hreflang'), a.getAttribute('lang')]))) {
    if (href!.startsWith('/ja/products/')) {
      expect(hreflang).toBeNull();
      expect(lang).toBeNull();
    } else {
      expect(href).toMatch(/^\/products\//);
      expect(hreflang).toBe('en');
      expect(lang).toBe('en');
    }
  }
  await page.getByRole('navigation', { name: 'ページ' }).getByRole('link', { name: '次へ ›' }).click();
  await expect(page).toHaveURL(/\/ja\/pavilions\/[a-z0-9-]+\/page\/2\/$/);
});

test('search in Russian: Russian words, results from the API, links to the English page where there is no Russian one', async ({ page, request }) => {
  const health = (await (await request.get('/api/health')).json()) as { search: { ok: boolean } };
  expect(health.search.ok).toBe(true);
  const russian = new Set((await (await request.get('/ru/product-pages.json')).json()) as string[]);
  await page.goto('/ru/search/?q=serum');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByTestId('result-count')).toHaveText(/^Найден/);
  await expect(page.getByRole('complementary', { name: 'Фильтры' })).toBeVisible();
  await expect(page.locator('main ul.grid li h2 a').first()).toBeVisible();
  // A product with Russian text links to its Russian page, under its Russian name; the others to English, marked.
  const results = await page.locator('main ul.grid li h2 a').evaluateAll((as) =>
    as.map((a) => ({ href: a.getAttribute('href') ?? '', hreflang: a.getAttribute('hreflang'), text: a.textContent ?? '' })));
  for (const r of results) {
    const slug = /\/products\/([a-z0-9-]+)\/$/.exec(r.href)?.[1] ?? '';
    if (russian.has(slug)) {
      expect(r.href).toBe(`/ru/products/${slug}/`);
      expect(r.hreflang).toBeNull();
      expect(r.text).toMatch(/[а-яё]/i);
    } else {
      expect(r.href).toBe(`/products/${slug}/`);
      expect(r.hreflang).toBe('en');
    }
  }
  expect(results.some((r) => r.hreflang === 'en')).toBe(true);

  // In Korean every product has a page, and the API answers with the Korean texts.
  await page.goto('/ko/search/?q=serum');
  await expect(page.getByTestId('result-count')).toContainText('검색됨');
  await expect(page.locator('main ul.grid li h2 a').first()).toHaveAttribute('href', /^\/ko\/products\//);
  await expect(page.locator('main ul.grid li h2 a').first()).toHaveText(/[가-힣]/);

  // Nothing found: the suggestions are the language's own and still search.
  await page.goto('/ja/search/?q=zzqxv');
  await expect(page.getByText('該当する製品がありません。', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'KF94マスク' }).click();
  await expect(page).toHaveURL(/q=KF94/);
  await expect(page.locator('main ul.grid li h2 a').first()).toBeVisible();
});

test('the home shows the programme in figures in every language, numbers written the language\'s way', async ({ request }) => {
  const INTL: Record<Locale, string> = { en: 'en-GB', ko: 'ko-KR', ja: 'ja-JP', zh: 'zh-Hans-CN', ru: 'ru-RU', vi: 'vi-VN' };
  // Read straight from the HTML: four figures, each a number and what it counts.
  const figures = async (locale: Locale) => {
    const html = await (await request.get(`${prefix(locale)}/`)).text();
    const section = /<section class="figures[^"]*"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    return [...section.matchAll(/<li[^>]*><strong[^>]*>([^<]+)<\/strong>\s*<span[^>]*>([^<]+)<\/span><\/li>/g)].map((m) => ({ number: m[1]!, label: m[2]! }));
  };
  const en = await figures('en');
  expect(en).toHaveLength(4);
  expect(en.map((f) => f.label)).toEqual([
    expect.stringMatching(/^video consultations? held$/),
    expect.stringMatching(/^exporting compan(y|ies) in the hall$/),
    expect.stringMatching(/^buyers? ha(s|ve) asked for a meeting$/),
    expect.stringMatching(/^countr(y|ies) buyers come from$/),
  ]);
  const values = en.map((f) => Number(f.number.replace(/,/g, '')));
  expect(values[1]).toBeGreaterThan(0); // the demo's exhibitors
  for (const locale of LOCALES) {
    const got = await figures(locale);
    expect(got.map((f) => f.number), locale).toEqual(values.map((v) => new Intl.NumberFormat(INTL[locale]).format(v)));
    for (const f of got) expect(f.label.trim(), locale).not.toBe('');
  }
  const ru = await figures('ru');
  const rules = new Intl.PluralRules('ru-RU');
  // Russian agrees with the number: 1 компания, 3 компании, 200 компаний.
  const companiesForm = { one: 'компания-экспортёр', few: 'компании-экспортёра', many: 'компаний-экспортёров', other: 'компании-экспортёра' }[rules.select(values[1]!) as 'one'];
  expect(ru[1]!.label).toContain(companiesForm);
});

/** The page's Open Graph and Twitter tags, by property or name; repeated ones (og:locale:alternate) in order. */
const shareTags = (page: Page) =>
  page.locator('head meta[property^="og:"], head meta[name^="twitter:"]').evaluateAll((metas) => {
    const out: Record<string, string[]> = {};
    for (const m of metas) (out[m.getAttribute('property') ?? m.getAttribute('name') ?? ''] ??= []).push(m.getAttribute('content') ?? '');
    return out;
  });

test('link previews: Open Graph and Twitter cards on product and company pages, in two languages', async ({ page, request }) => {
  const OG_LOCALE: Record<Locale, string> = { en: 'en_GB', ko: 'ko_KR', ja: 'ja_JP', zh: 'zh_CN', ru: 'ru_RU', vi: 'vi_VN' };
  const product = (await firstPage(request, 'en', 'products'))!;
  const company = (await firstPage(request, 'en', 'companies'))!;
  for (const locale of ['en', 'ko'] as const) {
    for (const [kind, path] of [['product', product], ['profile', company]] as const) {
      await page.goto(`${prefix(locale)}${path}`);
      const tags = await shareTags(page);
      const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
      expect(tags['og:url'], path).toEqual([canonical!]);
      expect(new URL(canonical!).pathname).toBe(`${prefix(locale)}${path}`);
      expect(tags['og:type']).toEqual([kind]);
      expect(tags['og:title']).toEqual([(await page.locator('h1').innerText()).trim()]);
      expect(tags['og:description']![0]).toMatch(/\S/);
      expect(tags['og:site_name']).toEqual(['Pavilion']);
      expect(tags['og:locale']).toEqual([OG_LOCALE[locale]]);
      expect(tags['og:locale:alternate']).toContain(OG_LOCALE[locale === 'en' ? 'ko' : 'en']);
      expect(tags['og:locale:alternate']).not.toContain(OG_LOCALE[locale]);
      expect(tags['twitter:card']).toEqual(['summary_large_image']);
      expect(tags['og:image:alt']![0]).toMatch(/\S/);

      // The picture: absolute, a JPEG, served, and as large as the tags say.
      const imageUrl = tags['og:image']![0]!;
      expect(imageUrl).toMatch(/^https?:\/\//);
      const res = await request.get(imageUrl);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('image/jpeg');
      if (kind === 'product') {
        expect(new URL(imageUrl).pathname).toMatch(/^\/api\/media\/[0-9a-f]{32}\/\d+\.jpg$/);
        // The product's first picture, whose alt text the preview repeats.
        expect(tags['og:image:alt']).toEqual([await page.locator('aside .gallery img').first().getAttribute('alt')]);
      } else {
        expect(new URL(imageUrl).pathname).toBe('/og-default.jpg'); // demo companies have no logo
      }
      const size = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      }, imageUrl);
      expect(size.map(String)).toEqual([tags['og:image:width']![0], tags['og:image:height']![0]]);
    }
  }
  // Every other page type has cards too, with the site's own picture.
  await page.goto('/ja/');
  const home = await shareTags(page);
  expect(home['og:type']).toEqual(['website']);
  expect(home['og:locale']).toEqual(['ja_JP']);
  expect(new URL(home['og:image']![0]!).pathname).toBe('/og-default.jpg');
  expect(home['og:url']).toEqual([await page.locator('link[rel=canonical]').getAttribute('href')]);
});

test('the sitemap lists every language of a page as alternates', async ({ request }) => {
  const xml = await (await request.get('/sitemap.xml')).text();
  expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
  const home = /<url>\s*<loc>[^<]*\/ko\/<\/loc>([\s\S]*?)<\/url>/.exec(xml)?.[1] ?? '';
  for (const l of LOCALES) expect(home).toContain(`hreflang="${LANG[l]}"`);
  expect(home).toContain('hreflang="x-default"');
  const paths = await pagesInSitemap(request);
  for (const l of LOCALES) expect(paths).toContain(`${prefix(l)}/about/`);
  expect(paths.some((p) => p.startsWith('/ja/products/'))).toBe(true);
  // Products where the exporter wrote Russian or Vietnamese, companies with a Japanese or Chinese profile.
  for (const prefix of ['/ja/products/', '/zh/products/', '/ru/products/', '/vi/products/', '/ja/companies/', '/zh/companies/']) {
    expect(paths.some((p) => p.startsWith(prefix)), prefix).toBe(true);
  }
  expect(paths.some((p) => p.startsWith('/ru/companies/') || p.startsWith('/vi/companies/'))).toBe(false); // no company wrote either
  // robots.txt names the sitemap; the demo fits one file (under 50,000 URLs), so no parts exist.
  expect(await (await request.get('/robots.txt')).text()).toMatch(/^Sitemap: http:\/\/[^/]+\/sitemap\.xml$/m);
  expect(xml).toContain('<urlset');
  expect((await request.get('/sitemap-1.xml')).status()).toBe(404);
});

for (const locale of LOCALES) {
  test(`every page type in ${locale} has no axe violations`, async ({ page, request }) => {
    test.setTimeout(180_000); // nine pages, each checked by axe
    const visit = async (path: string) => {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', LANG[locale]);
    };
    await visit(`${prefix(locale)}/`);
    await expectNoViolations(page);
    const pavilion = await page.locator('#pavilions + ul > li h3 a').first().getAttribute('href');
    await visit(pavilion!);
    await expectNoViolations(page);
    await visit(`${prefix(locale)}/pavilions/consumer-goods/page/2/`);
    await expectNoViolations(page);

    for (const kind of ['products', 'companies'] as const) {
      const path = await firstPage(request, locale, kind);
      if (!path) {
        // The demo data has no text in this language for any of these (companies write in
        // English and Korean, some also in Japanese or Chinese; no company in Russian or Vietnamese).
        test.info().annotations.push({ type: 'no page', description: `no ${kind} page in ${locale}` });
        continue;
      }
      await visit(path);
      await expect(page.locator('section.cta form')).toBeVisible(); // the island, hydrated
      await expectNoViolations(page);
    }

    await visit(`${prefix(locale)}/search/?q=serum`);
    await expect(page.locator('main ul.grid li').first()).toBeVisible();
    await expectNoViolations(page);
    await visit(`${prefix(locale)}/about/`);
    await expectNoViolations(page);
    await visit(locale === 'en' ? '/no-such-page/' : `/${locale}/404/`);
    await expectNoViolations(page);
  });
}
