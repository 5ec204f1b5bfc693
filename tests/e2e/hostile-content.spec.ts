// Cross-site scripting payloads in every field a company supplies, checked in Chromium. A new
// exporter signs up and, through the real portal API, fills its company profile and a product
// (six languages, specifications, certifications, units, image descriptions) with markup that
// would run if it ever reached a page as markup; staff approve it in the moderation screen; the
// site is rebuilt. Then the product, company and pavilion pages in every language, the site
// search, the buyer's manage page and the development outbox with the meeting e-mails that
// name the company are opened: nothing ran (no call to window.__xss, no dialog, no script
// refused by the policy), no injected element or inline handler exists, and the text is there
// literally, as the company typed it.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import sharp from 'sharp';
import { watchCsp } from './csp-watch.ts';
import { firstLink, readMail } from './mail.ts';
import { until } from './until.ts';

const STAFF = { email: 'staff@pavilion.localhost', password: 'pavilion-staff-demo' };
const LOCALES = ['en', 'ko', 'ja', 'zh', 'ru', 'vi'] as const;

// Each payload carries an id in a data-xss attribute: an element with that attribute in a page
// means the markup got through, whether or not the policy let its script run.
const inline = (id: string) => `<img data-xss=${id} src=x onerror=__xss('${id}')>`;
/** For fields of up to 120 characters: breaks out of attributes, <title> and <script>. */
const medium = (id: string, label: string) => `${label} "'></title></script>${inline(id)}`;
/** For one line of up to 300 characters: every usual vector, and an entity that must stay as typed. */
const oneLine = (id: string) =>
  `&amp; "q" 'q' </title></script><script data-xss=${id}>__xss('${id}')</script>${inline(id)}` +
  `<svg data-xss=${id} onload=__xss('${id}')></svg><a data-xss=${id} href=javascript:__xss('${id}')>link</a>`;
/** For long text: the same, a frame and a template expression. */
const long = (id: string) => `${oneLine(id)}<iframe data-xss=${id} srcdoc="<script>parent.__xss('${id}')</script>"></iframe>{{7*7}}`;
/** For fields of up to 40 characters (ids of up to three). */
const short40 = (id: string) => `<img data-xss=${id} src=x onerror=__xss()>`;
/** For fields of up to 30 characters. */
const short30 = (id: string) => `<i data-xss=${id}>&amp;"'</i>`;

function hostileContent(stamp: string) {
  const texts = Object.fromEntries(LOCALES.map((l) => [l, {
    name: medium(`pn${l}`, `Hostile kettle ${stamp} ${l}`),
    summary: oneLine(`ps${l}`),
    description: `${long(`pd${l}`)}\nA second line ${inline(`pd${l}2`)}`,
    keywords: [short40(`k${l}`)],
  }])) as Record<(typeof LOCALES)[number], { name: string; summary: string; description: string; keywords: string[] }>;
  return {
    company: {
      names: { ko: medium('cnko', `적대 ${stamp}`), en: medium('cnen', `Hostile Co ${stamp}`) },
      descriptions: { ko: long('cdko'), en: long('cden') },
      foundedYear: 2001, employees: 12, region: 'Seoul', languages: ['en', 'ko'], exportMarkets: ['US'],
      certifications: [short40('cc'), short30('cc2')],
      website: `https://evil.example/"><img data-xss=ws src=x onerror=__xss('ws')>`,
    },
    product: {
      texts,
      specifications: [{ key: `<b data-xss=sk>Key</b> "'${stamp}`, value: oneLine('sv') }],
      certifications: [short40('pc'), short30('pc2')],
      moq: 10, moqUnit: short30('mu'), leadTimeDays: 14,
      priceTerms: { incoterm: 'FOB', currency: 'USD', min: 5, max: 9, unit: short30('pu') },
      hsCode: '851610', exportMarkets: ['US', 'JP'],
    },
    alt: { en: `"><img data-xss=ae src=x onerror=__xss('ae')>`, ko: `"><img data-xss=ak src=x onerror=__xss('ak')>` },
  };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Everything that would show that a payload ran or was parsed as markup, in any page of the context. */
function watchForExecution(page: Page) {
  const ran: string[] = [];
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
  return {
    ran, dialogs,
    install: () => page.exposeFunction('__xss', (id: unknown) => { ran.push(`${String(id)} on ${page.url()}`); }),
  };
}

/** No injected element, inline handler or javascript: URL in the page or its frames; `literal` texts appear as typed. */
async function expectInert(page: Page, where: string, literal: string[] = []) {
  for (const frame of page.frames()) {
    const found = await frame.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        injected: [...document.querySelectorAll('[data-xss]')].map((el) => el.outerHTML.slice(0, 160)),
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`)),
        // A payload percent-encoded inside an http(s) address (the company's website link) is inert text of a URL.
        urls: all.flatMap((el) => ['href', 'src', 'action', 'formaction', 'srcdoc'].map((n) => el.getAttribute(n) ?? '')
          .filter((v) => /^\s*javascript:/i.test(v) || (/__xss/i.test(v) && !/^https?:\/\/[^\s"<>]*$/i.test(v)))),
      };
    });
    expect(found, `${where} (${frame.url()})`).toEqual({ injected: [], handlers: [], urls: [] });
  }
  const text = squash(await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('script, style, template').forEach((el) => el.remove());
    return `${document.title} ${body.textContent ?? ''}`;
  }));
  for (const t of literal) expect(text, `${where}: "${t}" shown as typed`).toContain(squash(t));
}

/** The JSON-LD of the page, parsed (it must parse: a payload that broke out would spoil it). */
async function jsonLd(page: Page): Promise<string> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(blocks.length).toBeGreaterThan(0);
  return JSON.stringify(blocks.map((b) => JSON.parse(b)));
}

/** The text/plain part of a multipart message (readMail decodes single-part ones only), quoted-printable decoded. */
function textPart(raw: string): string {
  const part = /Content-Type: text\/plain[^]*?\r?\n\r?\n([^]*?)\r?\n--/i.exec(raw)?.[1];
  if (part === undefined) return raw;
  const bytes = part.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

async function signUpCompanyMember(request: APIRequestContext, baseURL: string, email: string) {
  const headers = { origin: baseURL };
  const signUp = await request.post('/api/auth/sign-up/email', { headers, data: { name: 'Mallory Kim', email, password: 'hostile-password-123' } });
  expect(signUp.status(), await signUp.text()).toBe(200);
  const verified = await request.get(firstLink(await readMail(request, email, 'Confirm your e-mail'), '/api/auth/verify-email'));
  expect(verified.ok()).toBe(true);
  const me = await request.get('/api/portal/me');
  expect(me.status(), 'signed in by the confirmation link').toBe(200);
}

test('markup in every company-supplied field reaches no page, search result or e-mail as live markup', async ({ page, browser, baseURL }) => {
  test.setTimeout(600_000);
  const stamp = Date.now().toString(36);
  const hostile = hostileContent(stamp);
  const headers = { origin: baseURL! };
  const seen = watchForExecution(page);
  await seen.install();
  const csp = await watchCsp(page);

  // ---- the company, through the portal API as its signed-up member ---------------------------
  const company = await browser.newContext({ baseURL });
  const api = company.request;
  await signUpCompanyMember(api, baseURL!, `mallory-${stamp}@exporter.test`);
  const registered = await api.post('/api/portal/companies', { headers, data: hostile.company });
  expect(registered.status(), await registered.text()).toBe(201);
  const companySlug = ((await registered.json()) as { slug: string }).slug;
  const stored = (await (await api.get(`/api/portal/companies/${companySlug}`)).json()) as { status: string; profile: { names: { en: string }; website: string } };
  expect(stored.profile.names.en, 'kept as typed').toBe(hostile.company.names.en);
  expect(stored.profile.website).toBe(hostile.company.website);

  const home = await (await page.request.get('/')).text();
  const pavilion = /href="\/pavilions\/([a-z0-9-]+)\/"/.exec(home)![1]!;
  // A pavilion divided into categories takes a product only in one of them: the first it lists.
  const facets = (await (await page.request.get(`/api/search?pavilion=${pavilion}&facets=1&limit=1`)).json()) as { facets: { category: Record<string, number> } };
  const category = Object.keys(facets.facets.category)[0] ?? null;
  const created = await api.post(`/api/portal/companies/${companySlug}/products`, { headers, data: { pavilion, category, ...hostile.product } });
  expect(created.status(), await created.text()).toBe(201);
  const productSlug = ((await created.json()) as { slug: string }).slug;
  const picture = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 120, g: 40, b: 40 } } }).jpeg().toBuffer();
  const uploaded = await api.post(`/api/portal/companies/${companySlug}/products/${productSlug}/images`, {
    headers, multipart: { file: { name: 'kettle.jpg', mimeType: 'image/jpeg', buffer: picture }, altEn: hostile.alt.en, altKo: hostile.alt.ko },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const submitted = await api.post(`/api/portal/companies/${companySlug}/products/${productSlug}/submit`, { headers });
  expect(submitted.status(), await submitted.text()).toBe(200);

  // ---- staff review it in the moderation screen and approve it -------------------------------
  const en = hostile.product.texts.en;
  await page.goto('/control/moderation/');
  await page.getByLabel('E-mail').fill(STAFF.email);
  await page.getByLabel('Password').fill(STAFF.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: `Hostile kettle ${stamp} en` }).click();
  await expect(page.getByRole('table', { name: 'The product as submitted' })).toContainText('851610');
  await expectInert(page, 'moderation', [en.name, en.summary, hostile.product.specifications[0]!.value, hostile.product.certifications[0]!]);
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page.getByRole('status')).toContainText('Approved');
  await page.context().clearCookies();

  // ---- the rebuilt site: product pages in every language -------------------------------------
  await until('the product page', async () => ((await page.request.get(`/products/${productSlug}/`)).ok() ? true : undefined), 180_000);
  const spec = hostile.product.specifications[0]!;
  for (const locale of LOCALES) {
    const t = hostile.product.texts[locale];
    await page.goto(`${locale === 'en' ? '' : `/${locale}`}/products/${productSlug}/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(t.name);
    await expectInert(page, `product page (${locale})`, [t.name, t.summary, t.description.split('\n')[0]!, spec.key, spec.value, hostile.product.certifications.join(', ')]);
    expect(await page.title()).toContain(t.name);
    expect(await jsonLd(page)).toContain(JSON.stringify(t.name).slice(1, -1));
    await expect(page.locator('aside .gallery img').first()).toHaveAttribute('alt', locale === 'ko' ? hostile.alt.ko : hostile.alt.en);
  }
  // The English page again: the company as the buyer sees it, and the meeting island hydrated with its name.
  await page.goto(`/products/${productSlug}/`);
  await expectInert(page, 'product page, company box', [hostile.company.names.en, hostile.company.names.ko, hostile.product.moqUnit]);
  await expect(page.locator('section.cta form .slots input[type=radio]').first()).toBeVisible();
  await expectInert(page, 'product page, island hydrated');

  // ---- the company page, in English and Korean -----------------------------------------------
  for (const locale of ['en', 'ko'] as const) {
    await page.goto(`${locale === 'en' ? '' : '/ko'}/companies/${companySlug}/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(hostile.company.names[locale]);
    await expectInert(page, `company page (${locale})`, [hostile.company.names[locale], hostile.company.descriptions[locale], ...hostile.company.certifications]);
    const ld = await jsonLd(page);
    expect(ld, 'the website, as typed, in the JSON-LD').toContain(JSON.stringify(hostile.company.website).slice(1, -1));
    // The website as a link: its markup percent-encoded in the address, and no rank or opener passed.
    const website = page.locator('dl.facts a[href^="https://evil.example/"]');
    await expect(website).toHaveAttribute('href', /^https:\/\/evil\.example\/%22%3E%3Cimg/);
    await expect(website).toHaveAttribute('rel', 'nofollow ugc noopener');
  }

  // ---- the pavilion listing: the newest product comes first ----------------------------------
  for (const locale of ['en', 'ko'] as const) {
    await page.goto(`${locale === 'en' ? '' : '/ko'}/pavilions/${pavilion}/`);
    await expect(page.locator('main ul.grid > li').first()).toContainText(`Hostile kettle ${stamp} ${locale}`);
    await expectInert(page, `pavilion listing (${locale})`, [hostile.product.texts[locale].name]);
  }

  // ---- the site search: results, companies and certification facets -------------------------
  await until('the product in search', async () => {
    const r = (await (await page.request.get(`/api/search?q=${encodeURIComponent(`Hostile kettle ${stamp}`)}`)).json()) as { hits?: { slug: string }[] };
    return r.hits?.some((h) => h.slug === productSlug) ? true : undefined;
  });
  await page.goto(`/search/?q=${encodeURIComponent(`kettle ${stamp}`)}`);
  await expect(page.locator('main ul.grid li h2 a').first()).toContainText(`Hostile kettle ${stamp} en`);
  await expectInert(page, 'search results', [en.name, hostile.company.names.en, hostile.product.certifications[0]!]);
  await page.goto(`/search/?q=${encodeURIComponent(`Hostile Co ${stamp}`)}`);
  await expect(page.locator('main')).toContainText(hostile.company.names.en);
  await expectInert(page, 'search for the company', [hostile.company.names.en]);
  // The query itself is hostile input too: echoed in the box and the page, never parsed.
  await page.goto(`/search/?q=${encodeURIComponent(medium('sq', stamp))}`);
  await expect(page.locator('main input#q')).toHaveValue(medium('sq', stamp));
  await expectInert(page, 'search for markup');

  // ---- a buyer requests a meeting: the confirmation, the manage page and the e-mails --------
  const buyerEmail = `buyer-${stamp}@buyer.test`;
  await page.goto(`/products/${productSlug}/`);
  const form = page.locator('section.cta form');
  await form.getByLabel('Your name').fill('Sam Carter');
  await form.getByLabel('Your company').fill('Carter Imports');
  await form.getByLabel('Country').selectOption('US');
  await form.getByLabel('E-mail').fill(buyerEmail);
  await form.locator('.slots input[type=radio]').first().check();
  await form.getByRole('button', { name: 'Request a video meeting' }).click();
  await expect(page.locator('section.cta').getByRole('status')).toContainText(/scheduled|sent/);
  await expectInert(page, 'meeting confirmation', [`Talk to ${hostile.company.names.en} on video`]);

  const mail = textPart(await readMail(page.request, buyerEmail, 'Video meeting with'));
  expect(mail).toContain(`Your video meeting with ${hostile.company.names.en}`);
  await page.goto('/api/dev/outbox');
  await expectInert(page, 'outbox', [`Video meeting with ${hostile.company.names.en}`]);
  await page.locator('tr', { hasText: buyerEmail }).first().getByRole('link').click();
  expect(await page.evaluate(() => document.contentType)).toBe('text/plain');
  await expectInert(page, 'the e-mail as the outbox serves it');
  await page.goto(firstLink(mail, '/api/manage/'));
  await expectInert(page, 'manage page', [hostile.company.names.en]);

  // ---- nothing ran anywhere ----------------------------------------------------------------
  expect(seen.ran, 'payloads that ran').toEqual([]);
  expect(seen.dialogs, 'dialogs opened').toEqual([]);
  const scriptViolations = csp.violations.filter((v) => v.directive.startsWith('script-src') || /xss/i.test(v.sample));
  expect(scriptViolations, JSON.stringify(csp.violations, null, 2)).toEqual([]);
  await company.close();
});

// The checks above must be able to fail: markup that did get through is seen, and so is the
// policy refusing its handler.
test('the checks see markup that got through, and the text escaped twice', async ({ page }) => {
  const csp = await watchCsp(page);
  await page.goto('/');
  await page.evaluate((html) => document.querySelector('main')!.insertAdjacentHTML('beforeend', `<p>${html}</p>`), medium('t1', 'Leaked'));
  await expect(expectInert(page, 'sabotaged')).rejects.toThrow(/data-xss=\W*t1/);
  await expect.poll(() => csp.violations.map((v) => v.directive)).toContain('script-src-attr');
  await page.goto('/');
  await page.evaluate(() => document.querySelector('main')!.append('Leaked &lt;img data-xss=t2&gt;'));
  await expectInert(page, 'escaped once more', ['Leaked &lt;img data-xss=t2&gt;']);
  await expect(expectInert(page, 'escaped once more', ['Leaked <img data-xss=t2>'])).rejects.toThrow(/shown as typed/);
});
