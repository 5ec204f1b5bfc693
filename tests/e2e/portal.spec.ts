// A new exporter's whole journey through the company portal, with staff and a buyer beside
// it: sign up and confirm the e-mail, register the company, its profile and hours (requests
// need confirming), a product with an image, submit; staff approve it; it reaches the
// public site and search; a buyer requests a meeting, the company accepts it and, once the
// meeting has begun, records a deal. Beside it: declining with a reason, proposing another
// time (the buyer accepts it through the manage link), members, the logo, the password
// reset, and the portal in every language.
//
// The journey waits for real time twice: for its own hall to start, and for the meeting it
// books (the next 10-minute mark) to begin. Rather than sit idle, the other tests run on the
// shared hall meanwhile: the journey's hall starts in the background as the file begins, and
// the journey is two tests in one worker, sharing its browser contexts, with the file's
// other tests between them: up to the accepted meeting, and (last) the deal once the
// meeting has begun. Nothing is faked and nothing asserted is dropped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import sharp from 'sharp';
import { firstLink, readMail } from './mail.ts';
import { startShortNoticeHall, type Hall } from './short-notice-hall.ts';
import { until } from './until.ts';

const STAFF = { email: 'staff@pavilion.localhost', password: 'pavilion-staff-demo' };

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, summary.join('\n')).toEqual([]);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-portal-'));
test.afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * A buyer's time zone where the next quarter of an hour is inside a buyer's sensible hours
 * (07:00-22:00 local), with a country there: the journey books the very next slot.
 */
function daytimeBuyer(now = Date.now()): { timeZone: string; country: string } {
  const zones = [
    ['Asia/Tokyo', 'JP'], ['Asia/Ho_Chi_Minh', 'VN'], ['Asia/Dubai', 'AE'], ['Europe/Moscow', 'RU'], ['Europe/Berlin', 'DE'],
    ['America/Sao_Paulo', 'BR'], ['America/New_York', 'US'], ['America/Los_Angeles', 'US'], ['Pacific/Honolulu', 'US'], ['Pacific/Auckland', 'NZ'],
  ] as const;
  const hour = (timeZone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now));
  const [timeZone, country] = zones.find(([z]) => hour(z) >= 8 && hour(z) <= 20)!;
  return { timeZone, country };
}

// The journey runs in a hall of its own with no minimum notice and 10-minute slots (see
// short-notice-hall.ts): the meeting it books starts within ten minutes, and the company
// records the deal once it has really begun, as the API requires. Nothing fakes the time.
// The hall starts as the file begins (the first tests run on the shared hall meanwhile).
let shortNoticeHall: Promise<Hall> | undefined;
test.beforeAll(() => {
  shortNoticeHall = startShortNoticeHall();
  shortNoticeHall.catch(() => {}); // reported by the journey, which awaits it
});

/** The journey once the buyer's meeting is accepted: the browsers its end goes on with. */
type AcceptedMeeting = { company: BrowserContext; page: Page; staffContext: BrowserContext; staff: Page; startsAt: number };
let accepted: AcceptedMeeting | undefined;

test.afterAll(async () => {
  // Whatever happened to the browsers, the hall is stopped (and its data folder removed).
  await accepted?.company.close().catch(() => {});
  await accepted?.staffContext.close().catch(() => {});
  await (await shortNoticeHall?.catch(() => undefined))?.stop();
});

/** The first half of the journey (see the file's head); the deal is the file's last test. */
async function journeyToTheMeeting(browser: Browser) {
  test.setTimeout(600_000);
  const hall = await shortNoticeHall!;
  const company = await browser.newContext({ baseURL: hall.url });
  const page = await company.newPage();
  try {
    accepted = { company, ...(await journey(hall.url, page, browser)) };
  } finally {
    if (!accepted) await company.close().catch(() => {});
  }
}

async function journey(baseURL: string, page: Page, browser: Browser): Promise<Omit<AcceptedMeeting, 'company'>> {
  const stamp = Date.now().toString(36);
  const email = `owner-${stamp}@exporter.test`;
  const companyEn = `Hanbit Ceramics ${stamp}`;
  const productEn = `Celadon tea set ${stamp}`;

  // ---- sign up and confirm the address ------------------------------------------------
  await page.goto('/portal/');
  const signUp = page.getByRole('form', { name: 'Create an account' });
  await expect(signUp).toBeVisible();
  await expectNoViolations(page);
  await signUp.getByLabel('Your name').fill('Min-ji Park');
  await signUp.getByLabel('E-mail').fill(email);
  await signUp.getByLabel('New password').fill('short');
  await signUp.getByRole('button', { name: 'Create account' }).click();
  await expect(signUp.getByText('At least 10 characters.')).toBeVisible();
  await signUp.getByLabel('New password').fill('celadon-glaze-1250');
  await signUp.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status')).toContainText(`we sent a confirmation link to ${email}`);

  const verify = firstLink(await readMail(page.request, email, 'Confirm your e-mail'), '/api/auth/verify-email');
  await page.goto(verify);
  await expect(page).toHaveURL(/\/portal\/$/);

  // ---- register the company, then its profile and hours --------------------------------
  const register = page.getByRole('form', { name: 'Register your company' });
  await register.getByLabel('Name in Korean').fill(`한빛도예 ${stamp}`);
  await register.getByLabel('Name in English').fill(companyEn);
  await register.getByLabel('Region').selectOption('Gyeonggi');
  await register.getByRole('group', { name: 'Languages you can meet in' }).getByRole('checkbox', { name: 'English' }).check();
  await register.getByRole('button', { name: 'Register company' }).click();
  const profile = page.getByRole('form', { name: 'Company profile' });
  await expect(profile.getByLabel('Name in English')).toHaveValue(companyEn);
  const me = (await (await page.request.get('/api/portal/me')).json()) as { companies: { slug: string }[] };
  const companySlug = me.companies[0]!.slug;
  // Nothing of it is public until staff approve a product: the portal says so.
  await expect(page.getByTestId('company-unlisted')).toContainText('not public yet');
  await expectNoViolations(page);

  // Validation as you type, with the schema's rule in the portal's words.
  await profile.getByLabel('Website').fill('ftp://hanbit.example');
  await expect(profile.getByText('A web address starting with http:// or https://')).toBeVisible();
  await profile.getByLabel('Website').fill('https://hanbit.example');
  await expect(profile.getByText('A web address starting with http:// or https://')).toHaveCount(0);
  await profile.getByLabel('Year founded').fill('1998');
  await profile.getByLabel('Export markets').fill('US, JP, DE');
  await profile.getByLabel('Description in English').fill('Celadon and white porcelain from Icheon kilns, made by hand since 1998.');
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(profile.getByRole('status')).toHaveText('Company profile saved.');

  await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Meeting hours' }).click();
  const hours = page.getByRole('form', { name: 'Meeting hours' });
  await hours.getByRole('switch', { name: 'Requests need my confirmation' }).check();
  // A new company starts with weekdays 09:00-18:00 (Korea time), bookable at once.
  const rows = hours.locator('tbody').first().locator('tr');
  await expect(rows).toHaveCount(5);
  await hours.getByRole('button', { name: 'Add hours' }).click();
  const last = rows.last();
  await last.getByRole('combobox').selectOption('6'); // Saturday
  await last.getByLabel(/^From/).fill('10:00');
  await last.getByLabel(/^To/).fill('09:00');
  await expect(last.getByText('The end must be after the start.')).toBeVisible();
  await last.getByLabel(/^To/).fill('15:00');
  await hours.getByRole('button', { name: 'Save' }).click();
  await expect(hours.getByRole('status')).toHaveText('Meeting hours saved.');
  const availability = (await (await page.request.get(`/api/portal/companies/${companySlug}/availability`)).json()) as {
    requiresConfirmation: boolean; weeklyHours: { weekday: number; start: string; end: string }[];
  };
  expect(availability.requiresConfirmation).toBe(true);
  expect(availability.weeklyHours).toContainEqual({ weekday: 6, start: '10:00', end: '15:00' });
  expect(availability.weeklyHours).toContainEqual({ weekday: 1, start: '09:00', end: '18:00' });
  expect(availability.weeklyHours).toHaveLength(6);
  // This exporter meets at any hour (so the journey can book the next slot, whatever the
  // time it runs at): every day 00:00-24:00, through the same API the form uses.
  const allWeek = await page.request.put(`/api/portal/companies/${companySlug}/availability`, {
    data: { requiresConfirmation: true, weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })), blackoutDates: [] },
  });
  expect(allWeek.status()).toBe(200);

  // ---- a product: validated as typed, kept as a draft across a reload ------------------
  await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Products' }).click();
  await page.getByRole('link', { name: 'Register a product' }).click();
  const form = page.getByRole('form', { name: 'Register a product' });
  await form.getByLabel('Pavilion').selectOption({ index: 1 });
  // The demo pavilions are divided into categories: one must be chosen.
  await expect(form.getByLabel('Category')).toHaveAttribute('aria-required', 'true');
  await form.getByLabel('Category').selectOption({ index: 1 });
  const korean = form.getByRole('group', { name: 'Korean (required)' });
  const english = form.getByRole('group', { name: 'English (required)' });
  await korean.getByLabel('Product name').fill(`청자 다기 세트 ${stamp}`);
  await english.getByLabel('Product name').fill(productEn);
  await english.getByLabel('Summary (one line)').fill('Hand-thrown celadon teapot with four cups, gift boxed.');
  await english.getByLabel('Search keywords').fill('celadon, tea set, porcelain');
  await form.getByLabel('HS code').fill('69');
  await expect(form.getByText('An HS code has 4 to 10 digits.')).toBeVisible();
  await form.getByLabel('HS code').fill('691110');
  await form.getByLabel('Export markets').fill('us, de');
  await form.getByRole('button', { name: 'Add a specification' }).click();
  await form.getByLabel('Property').fill('Material');
  await form.getByLabel(/^Value/).fill('Porcelain, celadon glaze');
  await form.getByLabel('Minimum order quantity (MOQ)').fill('50');
  await expect(form.getByText('Say what the MOQ counts (pieces, boxes, kg).')).toBeVisible();
  await form.getByLabel('MOQ unit').fill('sets');
  await form.getByLabel('Lowest price').fill('45');
  await form.getByLabel('Highest price').fill('20');
  await form.getByLabel('Per (unit)').fill('set');
  await expect(form.getByText('The lowest price must not exceed the highest.')).toBeVisible();
  await form.getByLabel('Highest price').fill('60');
  await expectNoViolations(page);

  await page.reload();
  await expect(page.getByText(/Unsaved changes from .* were restored/)).toBeVisible();
  await expect(form.getByRole('group', { name: 'English (required)' }).getByLabel('Product name')).toHaveValue(productEn);
  await expect(form.getByLabel('MOQ unit')).toHaveValue('sets');
  await form.getByRole('button', { name: 'Save as draft' }).click();
  await expect(page).toHaveURL(/#products\/celadon-tea-set-/);
  const productSlug = decodeURIComponent(new URL(page.url()).hash.split('/')[1]!);
  await expect(page.locator('.state-panel')).toContainText('Draft');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pavilion:portal:draft')))).toEqual([]);

  // ---- images: a text file named .jpg is refused with the API's words; a JPEG is kept ----
  const images = page.getByRole('region', { name: 'Images' });
  const fake = path.join(tmp, 'not-a-photo.jpg');
  fs.writeFileSync(fake, 'This is a text file that pretends to be a photo.\n');
  await images.getByLabel('Image file').setInputFiles(fake);
  await images.getByRole('button', { name: 'Upload' }).click();
  await expect(images.getByRole('alert')).toContainText('This file is a text file. Please upload a JPEG, PNG or WebP image.');
  const none = (await (await page.request.get(`/api/portal/companies/${companySlug}/products/${productSlug}/images`)).json()) as { images: unknown[] };
  expect(none.images).toEqual([]);
  await expect(images.getByText('0 of 8 images.')).toBeVisible();

  const photo = path.join(tmp, 'tea-set.jpg');
  await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 96, g: 150, b: 130 } } }).jpeg({ quality: 85 }).toFile(photo);
  await images.getByLabel('Image file').setInputFiles(photo);
  await images.getByLabel('Description for screen readers (English)').fill('Celadon teapot and four cups');
  await images.getByRole('button', { name: 'Upload' }).click();
  await expect(images.getByRole('status')).toHaveText('Image added.');
  await expect(images.getByRole('img', { name: 'Celadon teapot and four cups' })).toBeVisible();
  await expect(images.getByText('1 of 8 images.')).toBeVisible();

  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.locator('.state-panel')).toContainText('Under review');

  // ---- staff approve it -----------------------------------------------------------------
  const staffContext = await browser.newContext({ baseURL });
  const staff = await staffContext.newPage();
  await staff.goto('/control/moderation/');
  await staff.getByLabel('E-mail').fill(STAFF.email);
  await staff.getByLabel('Password').fill(STAFF.password);
  await staff.getByRole('button', { name: 'Sign in' }).click();
  await staff.getByRole('link', { name: productEn }).click();
  await expect(staff.getByRole('heading', { name: productEn })).toBeVisible();
  await expect(staff.getByRole('table', { name: 'The product as submitted' })).toContainText('691110');
  await expect(staff.getByRole('img', { name: 'Celadon teapot and four cups' })).toBeVisible();
  await expectNoViolations(staff);
  await staff.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(staff.getByRole('status')).toContainText(`Approved: ${productEn}`);

  // ---- the company sees it published; the site and search follow ------------------------
  await page.goto('/portal/#products');
  await expect(page.locator(`tr[data-product="${productSlug}"]`)).toContainText('Published');
  await until('the product page', async () => ((await page.request.get(`/products/${productSlug}/`)).ok() ? true : undefined));
  await until('the product in search', async () => {
    const r = (await (await page.request.get(`/api/search?q=${encodeURIComponent(productEn)}`)).json()) as { hits?: { slug: string }[] };
    return r.hits?.some((h) => h.slug === productSlug) ? true : undefined;
  });

  // ---- a buyer requests a meeting; the company accepts it -------------------------------
  // The buyer takes the first free time, the next 10-minute mark; should that be less than
  // a minute and a half away, wait for it to pass so it does not begin mid-request.
  const slot = 10 * 60_000;
  if (slot - (Date.now() % slot) < 90_000) await page.waitForTimeout(slot - (Date.now() % slot) + 1000);
  const where = daytimeBuyer();
  const buyerContext = await browser.newContext({ baseURL, timezoneId: where.timeZone, locale: 'en-US' });
  const buyer = await buyerContext.newPage();
  // The buyer finds it as buyers do: the home page's search box, then the result.
  await buyer.goto('/');
  const searchBox = buyer.getByRole('searchbox', { name: 'What are you looking for?' });
  await searchBox.fill(productEn);
  await searchBox.press('Enter');
  await expect(buyer).toHaveURL(/\/search\/\?q=/);
  await buyer.locator(`main ul.grid li h2 a[href="/products/${productSlug}/"]`).click();
  await expect(buyer).toHaveURL(new RegExp(`/products/${productSlug}/$`));
  await expect(buyer.getByRole('heading', { level: 1 })).toContainText(productEn);
  const request = buyer.locator('section.cta form');
  await request.getByLabel('Your name').fill('Kenji Sato');
  await request.getByLabel('Your company').fill('Sato Trading KK');
  await request.getByLabel('Country').selectOption(where.country);
  await request.getByLabel('E-mail').fill(`kenji-${stamp}@sato.test`);
  await expect(request.locator('.slots input[type=radio]').nth(1)).toBeVisible();
  await request.getByRole('button', { name: 'Request a video meeting' }).click();
  await expect(buyer.getByRole('status')).toBeVisible();
  await buyerContext.close();

  await page.goto('/portal/#meetings');
  const waiting = page.locator('li.meeting', { hasText: 'Request from Kenji Sato, Sato Trading KK' });
  await expect(waiting).toBeVisible();
  await waiting.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('status')).toHaveText('Accepted: everyone gets the invitation.');
  const meeting = page.locator('li.meeting', { hasText: 'Meeting with Kenji Sato' });
  await expect(meeting.locator('[data-status]')).toHaveText('Scheduled');
  const inbox = (await (await page.request.get(`/api/portal/companies/${companySlug}/consultations`)).json()) as {
    consultations: { id: string; startsAt: string; buyer: { name: string } }[];
  };
  const booked = inbox.consultations.find((c) => c.buyer.name === 'Kenji Sato')!;
  const startsAt = Date.parse(booked.startsAt);
  expect(startsAt - Date.now()).toBeLessThanOrEqual(slot);
  if (startsAt > Date.now() + 5_000) {
    // Before the meeting there is no outcome to record: no form, and the API says so.
    await expect(meeting.getByRole('form', { name: 'Outcome of the meeting' })).toHaveCount(0);
    const early = await page.request.post(`/api/portal/companies/${companySlug}/consultations/${booked.id}/outcome`, { data: { outcome: 'follow_up', dealValueUsd: null } });
    expect(early.status()).toBe(409);
    expect(((await early.json()) as { detail: string }).detail).toBe('Record the outcome after the meeting has taken place.');
  }

  // ---- an edit of the published product: staff read it as a field-by-field diff ---------
  await page.goto(`/portal/#products/${productSlug}`);
  const edit = page.getByRole('form', { name: productEn });
  await edit.getByRole('group', { name: 'English (required)' }).getByLabel('Summary (one line)').fill('Hand-thrown celadon teapot with six cups, gift boxed.');
  await edit.getByRole('button', { name: 'Save and send the edit for review' }).click();
  await expect(edit.getByRole('status')).toContainText('The edit waits for review');
  await staff.goto('/control/moderation/');
  await staff.getByRole('link', { name: productEn }).click();
  const diff = staff.getByRole('table', { name: 'What the edit changes (1 field)' });
  await expect(diff.getByRole('row', { name: /Summary \(one line\) \(English\)/ })).toContainText('four cups');
  await expect(diff.getByRole('row', { name: /Summary \(one line\) \(English\)/ })).toContainText('six cups');
  await expectNoViolations(staff);
  await staff.getByRole('button', { name: 'Reject…' }).click();
  await staff.getByLabel(/^Reason for the company/).fill('Please show the six-cup set in the pictures too.');
  await staff.getByRole('button', { name: 'Reject with this reason' }).click();
  await expect(staff.getByRole('status')).toContainText(`Rejected: ${productEn}`);
  // The company sees why its edit was turned down; the published version stays.
  await page.goto(`/portal/#products/${productSlug}`);
  await page.reload(); // the same address: read the product afresh
  await expect(page.getByTestId('edit-rejected')).toContainText('Please show the six-cup set in the pictures too.');

  return { page, staffContext, staff, startsAt };
}

/** The journey's end: once the meeting has begun, the company records the deal; staff read it in the figures. */
async function recordTheDeal({ page, staff, startsAt }: AcceptedMeeting) {
  // ---- the meeting takes place; afterwards the company records the deal ----------------
  await page.waitForTimeout(Math.max(0, startsAt - Date.now()) + 1000);
  await page.goto('/portal/#meetings');
  const held = page.locator('li.meeting', { hasText: 'Meeting with Kenji Sato' });
  const outcome = held.getByRole('form', { name: 'Outcome of the meeting' });
  await expect(outcome).toBeVisible();
  await expectNoViolations(page);
  await outcome.getByRole('button', { name: 'Record outcome' }).click();
  await expect(outcome.getByText('Choose one of the options.')).toBeVisible();
  // A deal value is asked for only where there is a deal.
  await outcome.getByLabel(/^Outcome/).selectOption({ label: 'No interest' });
  await expect(outcome.getByLabel('Deal value (USD)')).toHaveCount(0);
  await outcome.getByLabel(/^Outcome/).selectOption({ label: 'Contract signed' });
  await outcome.getByLabel('Deal value (USD)').fill('-5');
  await outcome.getByRole('button', { name: 'Record outcome' }).click();
  await expect(outcome.getByText('Enter a whole number or amount.')).toBeVisible();
  await outcome.getByLabel('Deal value (USD)').fill('125000');
  await outcome.getByRole('button', { name: 'Record outcome' }).click();
  await expect(page.getByRole('region', { name: 'Meetings' }).getByRole('status')).toHaveText('Outcome recorded.');
  await expect(held).toContainText('Outcome: Contract signed · USD 125,000');
  await expect(held.locator('[data-status]')).toHaveText('Completed');

  // The deal reaches the programme's figures that staff read.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(startsAt);
  const stats = (await (await staff.request.get(`/api/control/stats?from=${day}&to=${day}`)).json()) as {
    outcomes: { outcome: string; count: number; dealValueUsd: number }[];
  };
  expect(stats.outcomes).toContainEqual({ outcome: 'contract_signed', count: 1, dealValueUsd: 125000 });
}

test('the Korean portal greets in Korean and the moderation page is for staff only', async ({ page }) => {
  await page.goto('/ko/portal/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('기업 포털');
  await expect(page.getByRole('form', { name: '로그인' })).toBeVisible();
  await expect(page.locator('meta[name=robots]')).toHaveAttribute('content', 'noindex');

  // A company account (the demo owner) is told plainly that moderation is for staff.
  await page.goto('/control/moderation/');
  await page.getByLabel('E-mail').fill('owner@pavilion.localhost');
  await page.getByLabel('Password').fill('pavilion-owner-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Staff only.');

  const sitemap = await (await page.request.get('/sitemap.xml')).text();
  expect(sitemap).not.toContain('/portal/');
  expect(sitemap).not.toContain('/control/');
});

test('the Korean portal says a refusal that is not about a field in Korean, not in the API\'s English', async ({ page }) => {
  // A product this company does not have: the API refuses with code product-unknown.
  await page.goto('/ko/portal/#products/no-such-product');
  const signIn = page.getByRole('form', { name: '로그인' });
  await signIn.getByLabel('이메일').fill('owner@pavilion.localhost');
  await signIn.getByLabel('비밀번호').fill('pavilion-owner-demo');
  await signIn.getByRole('button', { name: '로그인' }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('존재하지 않거나 이 기업의 제품이 아닙니다.');
  await expect(refusal).not.toContainText('No product');
  await expect(refusal.locator('[lang=en]')).toHaveCount(0);
});

test('an unsaved product edit belongs to its author and leaves the browser at sign-out', async ({ page }) => {
  const drafts = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pavilion:portal:draft')));
  await page.goto('/portal/');
  // What another user of this computer left behind when their session simply expired.
  await page.evaluate(() => localStorage.setItem('pavilion:portal:draft:someone-else:their-company:new',
    JSON.stringify({ form: { names: 'secret plans' }, savedAt: new Date().toISOString() })));
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('E-mail').fill('owner@pavilion.localhost');
  await signIn.getByLabel('Password').fill('pavilion-owner-demo');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Portal' })).toBeVisible();
  await expect.poll(drafts).toEqual([]);

  await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Products' }).click();
  await page.getByRole('link', { name: 'Register a product' }).click();
  const form = page.getByRole('form', { name: 'Register a product' });
  await form.getByRole('group', { name: 'English (required)' }).getByLabel('Product name').fill('Unsaved enamel kettle');
  await expect.poll(drafts).toHaveLength(1);
  await page.reload();
  await expect(page.getByText(/Unsaved changes from .* were restored/)).toBeVisible();
  await expect(form.getByRole('group', { name: 'English (required)' }).getByLabel('Product name')).toHaveValue('Unsaved enamel kettle');

  // Signing out takes it away: the next person at this computer finds nothing.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
  expect(await drafts()).toEqual([]);
});

test('a forgotten password is reset through the e-mailed link', async ({ page }) => {
  const email = `reset-${Date.now().toString(36)}@exporter.test`;
  await page.goto('/portal/');
  const signUp = page.getByRole('form', { name: 'Create an account' });
  await signUp.getByLabel('Your name').fill('Seo-yeon Lee');
  await signUp.getByLabel('E-mail').fill(email);
  await signUp.getByLabel('New password').fill('first-password-123');
  await signUp.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status')).toContainText(email);
  await page.goto(firstLink(await readMail(page.request, email, 'Confirm your e-mail'), '/api/auth/verify-email'));
  await page.getByRole('button', { name: 'Sign out' }).click();

  await page.getByRole('button', { name: 'Forgot your password?' }).click();
  const forgot = page.getByRole('form', { name: 'Reset your password' });
  await forgot.getByLabel('E-mail').fill(email);
  await forgot.getByRole('button', { name: 'Send the link' }).click();
  await expect(forgot.getByRole('status')).toContainText('a reset link is on its way');

  await page.goto(firstLink(await readMail(page.request, email, 'Reset your Pavilion password'), '/reset-password/'));
  await expect(page).toHaveURL(/\/portal\/reset\/\?token=/);
  await page.getByLabel(/^New password/).fill('second-password-456');
  await page.getByLabel('Repeat the new password').fill('second-password-45');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('The two passwords differ.')).toBeVisible();
  await page.getByLabel('Repeat the new password').fill('second-password-456');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password has been changed.');

  await page.getByRole('link', { name: 'Go to sign in' }).click();
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('E-mail').fill(email);
  await signIn.getByLabel('Password').fill('first-password-123');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn.getByRole('alert')).toHaveText('The e-mail address or password is not right.');
  await signIn.getByLabel('Password').fill('second-password-456');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('form', { name: 'Register your company' })).toBeVisible();
});

test('an exporter signs up, lists a product that staff approve and accepts a buyer\'s meeting', async ({ browser }) => {
  await journeyToTheMeeting(browser);
});

// ---- shared steps for the tests below ------------------------------------------------------

/** Signs up on the page's sign-up form and follows the e-mailed confirmation link. */
async function signUpAndConfirm(page: Page, who: { name: string; email: string; password: string }) {
  const signUp = page.getByRole('form', { name: 'Create an account' });
  await signUp.getByLabel('Your name').fill(who.name);
  await signUp.getByLabel('E-mail').fill(who.email);
  await signUp.getByLabel('New password').fill(who.password);
  await signUp.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status')).toContainText(who.email);
  await page.goto(firstLink(await readMail(page.request, who.email, 'Confirm your e-mail'), '/api/auth/verify-email'));
}

/** Registers a product through the API and has staff approve it: the company goes public with it. */
async function publishAProduct(page: Page, companySlug: string, nameEn: string) {
  const baseURL = new URL(page.url()).origin;
  const headers = { origin: baseURL };
  const home = await (await page.request.get('/')).text();
  const pavilion = /href="\/pavilions\/([a-z0-9-]+)\/"/.exec(home)![1]!;
  const facets = (await (await page.request.get(`/api/search?pavilion=${pavilion}&facets=1&limit=1`)).json()) as { facets: { category: Record<string, number> } };
  const created = await page.request.post(`/api/portal/companies/${companySlug}/products`, {
    headers, data: { pavilion, category: Object.keys(facets.facets.category)[0] ?? null, texts: { ko: { name: `${nameEn} 한국어` }, en: { name: nameEn } } },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { slug } = (await created.json()) as { slug: string };
  expect((await page.request.post(`/api/portal/companies/${companySlug}/products/${slug}/submit`, { headers })).status()).toBe(200);
  const staff = await page.context().browser()!.newContext({ baseURL });
  expect((await staff.request.post('/api/auth/sign-in/email', { headers, data: STAFF })).status()).toBe(200);
  expect((await staff.request.post(`/api/control/products/${slug}/approve`, { headers })).status()).toBe(200);
  await staff.close();
}

/** A new exporter, signed in, with a registered company; returns the company's slug. */
async function newCompany(page: Page, who: { name: string; email: string; password: string }, nameEn: string): Promise<string> {
  await page.goto('/portal/');
  await signUpAndConfirm(page, who);
  const register = page.getByRole('form', { name: 'Register your company' });
  await register.getByLabel('Name in Korean').fill(`${nameEn} 코리아`);
  await register.getByLabel('Name in English').fill(nameEn);
  await register.getByLabel('Region').selectOption('Seoul');
  await register.getByRole('group', { name: 'Languages you can meet in' }).getByRole('checkbox', { name: 'English' }).check();
  await register.getByRole('button', { name: 'Register company' }).click();
  await expect(page.getByRole('form', { name: 'Company profile' }).getByLabel('Name in English')).toHaveValue(nameEn);
  const me = (await (await page.request.get('/api/portal/me')).json()) as { companies: { slug: string }[] };
  return me.companies[0]!.slug;
}

test('an owner invites a colleague, who signs up through the e-mailed link and joins; the owner revokes and removes', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const company = `Daehan Textiles ${stamp}`;
  const colleagueEmail = `colleague-${stamp}@daehan.test`;
  await newCompany(page, { name: 'Ji-ho Kang', email: `owner-${stamp}@daehan.test`, password: 'owner-password-123' }, company);

  // ---- the owner's Members section: invite a colleague, and someone else ------------------
  await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Members' }).click();
  const members = page.getByRole('region', { name: 'Members' });
  await expect(members.getByRole('row', { name: /Ji-ho Kang/ })).toContainText('Owner');
  const invite = page.getByRole('form', { name: 'Invite a colleague' });
  await invite.getByLabel("Colleague's e-mail").fill('not an address');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByText('Enter an e-mail address, e.g. name@company.com.')).toBeVisible();
  await invite.getByLabel("Colleague's e-mail").fill(colleagueEmail);
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(members.getByRole('status')).toHaveText(`Invitation sent to ${colleagueEmail}. The link works once, for 7 days.`);
  await expect(page.locator(`tr[data-invitation="${colleagueEmail}"]`)).toContainText('Ji-ho Kang');
  await invite.getByLabel("Colleague's e-mail").fill(`someone-${stamp}@daehan.test`);
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.locator(`tr[data-invitation="someone-${stamp}@daehan.test"]`)).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole('button', { name: `Revoke the invitation to someone-${stamp}@daehan.test` }).click();
  await expect(members.getByRole('status')).toHaveText(`The invitation to someone-${stamp}@daehan.test was revoked.`);
  await expect(page.locator(`tr[data-invitation="someone-${stamp}@daehan.test"]`)).toHaveCount(0);

  // ---- the e-mail: a link to the portal with a token, never the address -------------------
  const invitation = await readMail(page.request, colleagueEmail, `Join ${company} in the Pavilion company portal`);
  expect(invitation).toContain('Ji-ho Kang has invited you to join');
  const link = firstLink(invitation, '/portal/join/');
  expect(link).toMatch(/\/portal\/join\/#[A-Za-z0-9_-]{43}$/);
  expect(link).not.toContain(colleagueEmail.split('@')[0]!);
  expect(link).not.toContain(encodeURIComponent(colleagueEmail));

  // ---- the colleague opens it, creates an account, confirms it and accepts ----------------
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await colleague.goto(link);
  await expect(colleague.getByRole('heading', { level: 1 })).toHaveText('Join a company');
  await expect(colleague.getByText('Sign in, or create an account, with the e-mail address the invitation was sent to')).toBeVisible();
  expect(new URL(colleague.url()).hash).toBe(''); // the token left the address bar
  await expectNoViolations(colleague);
  await signUpAndConfirm(colleague, { name: 'Seo-yeon Han', email: colleagueEmail, password: 'colleague-password-1' });
  await expect(colleague).toHaveURL(/\/portal\/join\/$/);
  await expect(colleague.getByRole('heading', { name: `Ji-ho Kang invites you to join ${company}` })).toBeVisible();
  await expectNoViolations(colleague);
  await colleague.getByRole('button', { name: `Accept and join ${company}` }).click();
  await expect(colleague.getByRole('status')).toHaveText(`You are now a member of ${company}.`);
  await colleague.getByRole('link', { name: 'Go to the portal' }).click();
  await expect(colleague.locator('.company-name')).toHaveText(company);
  // Members do everything else, but members are managed by owners.
  const nav = colleague.getByRole('navigation', { name: 'Portal' });
  await expect(nav.getByRole('link', { name: 'Meetings' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Members' })).toHaveCount(0);

  // The link works once.
  await colleague.goto(link);
  await expect(colleague.getByRole('alert')).toHaveText('This invitation has already been used.');

  // ---- the owner sees the new member and removes them ---------------------------------------
  await page.reload();
  const row = page.getByRole('row', { name: /Seo-yeon Han/ });
  await expect(row).toContainText('Member');
  await row.getByRole('button', { name: 'Remove Seo-yeon Han' }).click();
  await row.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(members.getByRole('status')).toHaveText('Seo-yeon Han was removed from the company.');
  await expect(page.getByRole('row', { name: /Seo-yeon Han/ })).toHaveCount(0);
  // The last owner stays.
  await page.getByRole('row', { name: /Ji-ho Kang/ }).getByRole('button', { name: 'Remove Ji-ho Kang' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(members.getByRole('alert')).toContainText('The company must keep at least one owner.');

  await colleague.goto('/portal/');
  await expect(colleague.getByRole('form', { name: 'Register your company' })).toBeVisible();
  await colleagueContext.close();
});

test('the company logo: a refused file is named, a real one is previewed, replaced and removed', async ({ page }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const company = `Mirae Lighting ${stamp}`;
  const slug = await newCompany(page, { name: 'Do-yun Shin', email: `logo-${stamp}@mirae.test`, password: 'logo-password-123' }, company);
  const profile = page.getByRole('form', { name: 'Company profile' });
  await profile.getByLabel('Website').fill('https://mirae.example.com');
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(profile.getByRole('status')).toHaveText('Company profile saved.');
  const logo = page.getByRole('region', { name: 'Logo' });
  await expect(logo.getByText('No logo yet.')).toBeVisible();

  // A text file named .png: refused with the reason, nothing stored.
  const fake = path.join(tmp, 'logo.png');
  fs.writeFileSync(fake, 'Not a picture at all, just words.\n');
  await logo.getByLabel('Logo file').setInputFiles(fake);
  await logo.getByRole('button', { name: 'Upload logo' }).click();
  await expect(logo.getByRole('alert')).toContainText('This file is not a JPEG, PNG or WebP image.');
  await expect(logo.getByRole('alert')).toContainText('This file is a text file.');
  const stored = async () => ((await (await page.request.get(`/api/portal/companies/${slug}`)).json()) as { logo: unknown }).logo;
  expect(await stored()).toBeNull();

  // A real PNG: stored, re-encoded, previewed.
  const png = path.join(tmp, 'mirae-logo.png');
  await sharp({ create: { width: 400, height: 400, channels: 4, background: { r: 20, g: 90, b: 160, alpha: 1 } } }).png().toFile(png);
  await logo.getByLabel('Logo file').setInputFiles(png);
  await logo.getByRole('button', { name: 'Upload logo' }).click();
  await expect(logo.getByRole('status')).toHaveText('Logo saved.');
  const preview = logo.getByRole('img', { name: `Logo of ${company}` });
  await expect(preview).toBeVisible();
  // The img has its width and height before the picture arrives: wait for it to decode.
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
  await expect(logo.getByText('Stored at 400 × 400 pixels.')).toBeVisible();
  await expect(logo.getByRole('alert')).toHaveCount(0);
  expect(await stored()).not.toBeNull();
  await expectNoViolations(page);

  // Still there after a reload; replaced by another; removed.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Logo' }).getByRole('img', { name: `Logo of ${company}` })).toBeVisible();
  const wide = path.join(tmp, 'mirae-wide.jpg');
  await sharp({ create: { width: 800, height: 400, channels: 3, background: { r: 200, g: 60, b: 40 } } }).jpeg().toFile(wide);
  await logo.getByLabel('Logo file').setInputFiles(wide);
  await logo.getByRole('button', { name: 'Replace logo' }).click();
  await expect(logo.getByText('Stored at 800 × 400 pixels.')).toBeVisible();

  // The company has no public page until staff approve one of its products.
  expect((await page.request.get(`/companies/${slug}/`)).status()).toBe(404);
  await publishAProduct(page, slug, `Mirae LED Panel ${stamp}`);

  // The public company page shows it once the site has rebuilt, beside the name, with its
  // website as a link that passes no rank and no opener.
  // (The current logo's files: the first one's were removed when it was replaced.)
  const current = (await stored()) as { variants: { url: string }[] };
  const folder = current.variants[0]!.url.replace(/[^/]+$/, '');
  await until('the new logo on the company page', async () => ((await (await page.request.get(`/companies/${slug}/`)).text()).includes(`src="${folder}`) ? true : undefined), 180_000);
  const visitor = await page.context().browser()!.newPage();
  await visitor.goto(`/companies/${slug}/`);
  const shown = visitor.locator('.company-head').getByRole('img', { name: `Logo of ${company}` });
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
  expect(await shown.getAttribute('src')).toMatch(/^\/api\/media\/[0-9a-f]{32}\/\d+\.jpg$/);
  const site = visitor.getByRole('link', { name: 'mirae.example.com' });
  await expect(site).toHaveAttribute('href', 'https://mirae.example.com/');
  await expect(site).toHaveAttribute('rel', 'nofollow ugc noopener');
  await visitor.close();

  await logo.getByRole('button', { name: 'Remove logo' }).click();
  await expect(logo.getByRole('status')).toHaveText('Logo removed.');
  await expect(logo.getByText('No logo yet.')).toBeVisible();
  expect(await stored()).toBeNull();
});

test('the portal in Japanese, Chinese, Russian and Vietnamese, from each language\'s header', async ({ page }) => {
  test.setTimeout(120_000);
  const cases = [
    { locale: 'ja', lang: 'ja', title: '企業ポータル', signIn: 'ログイン', signUp: 'アカウントを作成' },
    { locale: 'zh', lang: 'zh-Hans', title: '企业门户', signIn: '登录', signUp: '注册账户' },
    { locale: 'ru', lang: 'ru', title: 'Портал компании', signIn: 'Вход', signUp: 'Создать учётную запись' },
    { locale: 'vi', lang: 'vi', title: 'Cổng doanh nghiệp', signIn: 'Đăng nhập', signUp: 'Tạo tài khoản' },
  ];
  for (const c of cases) {
    await page.goto(`/${c.locale}/`);
    await page.locator(`header a[href="/${c.locale}/portal/"]`).click();
    await expect(page).toHaveURL(new RegExp(`/${c.locale}/portal/$`));
    await expect(page.locator('html')).toHaveAttribute('lang', c.lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.title);
    await expect(page.getByRole('form', { name: c.signIn })).toBeVisible();
    await expect(page.getByRole('form', { name: c.signUp })).toBeVisible();
    await expectNoViolations(page);
  }

  // Signed in, the dashboard speaks Russian too (the demo owner's company).
  await page.goto('/ru/portal/');
  const signIn = page.getByRole('form', { name: 'Вход' });
  await signIn.getByLabel('Эл. почта').fill('owner@pavilion.localhost');
  await signIn.getByLabel('Пароль').fill('pavilion-owner-demo');
  await signIn.getByRole('button', { name: 'Войти' }).click();
  const nav = page.getByRole('navigation', { name: 'Портал' });
  await expect(nav.getByRole('link', { name: 'Товары' })).toBeVisible();
  await nav.getByRole('link', { name: 'Часы встреч' }).click();
  await expect(page.getByRole('form', { name: 'Часы встреч' })).toBeVisible();
  await expectNoViolations(page);
  await nav.getByRole('link', { name: 'Сотрудники' }).click();
  await expect(page.getByRole('region', { name: 'Сотрудники' }).getByRole('row', { name: /Demo Owner/ })).toContainText('Владелец');
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Выйти' }).click();
});

// ---- the company answers requests it holds: decline with a reason, or propose a time ------

type DemoCompany = { slug: string; name: string; product: string };

/** Signs the demo owner in and makes their company confirm its requests; returns how to undo that. */
async function demoCompanyConfirming(page: Page): Promise<{ company: DemoCompany; restore: () => Promise<void> }> {
  await page.goto('/portal/');
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('E-mail').fill('owner@pavilion.localhost');
  await signIn.getByLabel('Password').fill('pavilion-owner-demo');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Portal' })).toBeVisible();
  const me = (await (await page.request.get('/api/portal/me')).json()) as { companies: { slug: string; names: { en: string } }[] };
  const slug = me.companies[0]!.slug;
  const products = (await (await page.request.get(`/api/portal/companies/${slug}/products`)).json()) as { products: { slug: string; status: string }[] };
  const product = products.products.find((p) => p.status === 'approved')!.slug;
  const url = `/api/portal/companies/${slug}/availability`;
  const before = (await (await page.request.get(url)).json()) as { requiresConfirmation: boolean; weeklyHours: unknown[]; blackoutDates: unknown[] };
  const put = async (requiresConfirmation: boolean) => {
    const res = await page.request.put(url, { data: { requiresConfirmation, weeklyHours: before.weeklyHours, blackoutDates: before.blackoutDates } });
    expect(res.status()).toBe(200);
  };
  await put(true);
  return { company: { slug, name: me.companies[0]!.names.en, product }, restore: () => put(before.requiresConfirmation) };
}

/** A buyer asks for the first free time on a product page; returns the buyer's e-mail. */
async function buyerRequests(browser: Browser, product: string, who: { name: string; company: string; country: string; timeZone: string }) {
  const email = `${who.name.split(' ')[0]!.toLowerCase()}-${Date.now().toString(36)}@buyer.test`;
  const context = await browser.newContext({ timezoneId: who.timeZone, locale: 'en-GB' });
  const buyer = await context.newPage();
  await buyer.goto(`/products/${product}/`);
  const form = buyer.locator('section.cta form');
  await form.getByLabel('Your name').fill(who.name);
  await form.getByLabel('Your company').fill(who.company);
  await form.getByLabel('Country').selectOption(who.country);
  await form.getByLabel('E-mail').fill(email);
  await expect(form.locator('.slots input[type=radio]').nth(1)).toBeVisible();
  await form.getByRole('button', { name: 'Request a video meeting' }).click();
  await expect(buyer.getByText('Your request is sent')).toBeVisible();
  await context.close();
  return email;
}

test('the company declines a held request with a reason the buyer reads', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { company, restore } = await demoCompanyConfirming(page);
  try {
    const email = await buyerRequests(browser, company.product, { name: 'Anna Weber', company: 'Weber Handel GmbH', country: 'DE', timeZone: 'Europe/Berlin' });

    await page.goto('/portal/#meetings');
    const request = page.locator('li.meeting', { hasText: 'Request from Anna Weber, Weber Handel GmbH' });
    await request.getByRole('button', { name: 'Decline…' }).click();
    await request.getByRole('button', { name: 'Decline the request' }).click();
    await expect(request.getByText('Required.')).toBeVisible();
    await expectNoViolations(page);
    const reason = 'We are at a trade fair in Frankfurt that week; please ask again for a time after the 15th.';
    await request.getByLabel(/^Reason \(the buyer reads it\)/).fill(reason);
    await request.getByRole('button', { name: 'Decline the request' }).click();
    await expect(page.getByRole('region', { name: 'Meetings' }).getByRole('status')).toHaveText('Declined: the buyer has been told.');
    const declined = page.locator('li.meeting', { hasText: 'Meeting with Anna Weber' });
    await expect(declined.locator('[data-status]')).toHaveText('Declined');
    await expect(declined).toContainText(`Declined: ${reason}`);
    await expect(page.locator('li.meeting', { hasText: 'Request from Anna Weber' })).toHaveCount(0);

    // The buyer is told why, by e-mail and on the private page of the request.
    const mail = await readMail(page.request, email, `Video meeting with ${company.name} could not be arranged`);
    expect(mail).toContain(`Their reason: ${reason}`);
    const manage = firstLink(await readMail(page.request, email, `Video meeting with ${company.name} is requested`), '/api/manage/');
    await page.goto(manage);
    await expect(page.getByTestId('declined')).toContainText(reason);
  } finally {
    await restore();
  }
});

test('the company proposes another time and the buyer accepts it through the manage link', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { company, restore } = await demoCompanyConfirming(page);
  try {
    const email = await buyerRequests(browser, company.product, { name: 'Lucas Martin', company: 'Martin Import SARL', country: 'FR', timeZone: 'Europe/Paris' });

    await page.goto('/portal/#meetings');
    const request = page.locator('li.meeting', { hasText: 'Request from Lucas Martin, Martin Import SARL' });
    await request.getByRole('button', { name: 'Propose another time…' }).click();
    const other = request.getByLabel('Another time (Korea time)');
    await expect(other.locator('option').first()).toBeAttached();
    const chosen = (await other.locator('option').nth(2).getAttribute('value'))!;
    await other.selectOption(chosen);
    await expectNoViolations(page);
    await request.getByRole('button', { name: 'Propose this time' }).click();
    await expect(page.getByRole('region', { name: 'Meetings' }).getByRole('status')).toHaveText('Proposed: the buyer can accept the new time through their link.');
    const proposed = page.locator('li.meeting', { hasText: 'Meeting with Lucas Martin' });
    await expect(proposed).toContainText('Waiting for the buyer to answer your proposal.');

    // The buyer answers through the link in the proposal e-mail.
    const mail = await readMail(page.request, email, `Video meeting with ${company.name} has a new proposed time`);
    const buyerContext = await browser.newContext({ timezoneId: 'Europe/Paris' });
    const buyer = await buyerContext.newPage();
    await buyer.goto(firstLink(mail, '/api/manage/'));
    await expect(buyer.getByRole('heading', { name: `${company.name} proposes this time` })).toBeVisible();
    await buyer.getByRole('button', { name: 'Accept this time' }).click();
    await expect(buyer.getByTestId('status')).toHaveText('scheduled');
    await buyerContext.close();

    await page.reload();
    const scheduled = page.locator('li.meeting', { hasText: 'Meeting with Lucas Martin' });
    await expect(scheduled.locator('[data-status]')).toHaveText('Scheduled');
    const inbox = (await (await page.request.get(`/api/portal/companies/${company.slug}/consultations`)).json()) as { consultations: { startsAt: string; buyer: { name: string } }[] };
    expect(Date.parse(inbox.consultations.find((c) => c.buyer.name === 'Lucas Martin')!.startsAt)).toBe(Date.parse(chosen));
  } finally {
    await restore();
  }
});

// ---- the journey's end, last: the other tests above ran while its meeting drew near ---------

test('once the buyer\'s meeting has begun, the exporter records the deal, which staff read in the figures', async () => {
  test.setTimeout(900_000);
  if (!accepted) throw new Error('The journey did not reach its accepted meeting: see "an exporter signs up, lists a product…".');
  await recordTheDeal(accepted);
});
