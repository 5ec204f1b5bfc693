// Staff at the control tower, tried as a new user would, in one journey: sign in, see
// today's board, find a buyer's new meeting on its day and give it another room, approve a
// product the demo company submitted, plan a week of the queued requests and commit it (and
// find a planned meeting on the board), then read the statistics as charts, tables and CSV;
// every screen passes axe. Visitors and company accounts are kept out.
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { until } from './until.ts';

const STAFF = { email: 'staff@pavilion.localhost', password: 'pavilion-staff-demo' };
const OWNER = { email: 'owner@pavilion.localhost', password: 'pavilion-owner-demo' };

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, summary.join('\n')).toEqual([]);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const koreaToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Seoul' });
const dayLabel = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const count = async (text: Promise<string | null>) => Number(/\((\d+)\)/.exec((await text) ?? '')?.[1] ?? Number.NaN);

/** Books a meeting through the public API with the first demo product that schedules at once. */
async function bookSomewhere(page: Page, buyerName: string): Promise<{ startsAt: string; koreaDay: string; room: string }> {
  await page.goto('/');
  await page.locator('#pavilions + ul > li').first().getByRole('link').click();
  const slugs = await page.locator('main ul.grid > li h3 a').evaluateAll((links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[2]!));
  for (const productSlug of slugs) {
    const res = await page.request.post('/api/meeting-requests', {
      data: {
        productSlug, preferredSlots: [], interpreter: 'none',
        buyer: { name: buyerName, company: 'Harbour Imports', country: 'AU', email: `${buyerName.replace(/\W/g, '').toLowerCase()}@harbour.test`, language: 'en', timeZone: 'Australia/Sydney' },
      },
    });
    if (res.status() !== 201) continue;
    const body = await res.json() as { status: string; startsAt: string; koreaTime: { start: string }; room: { name: string } };
    if (body.status !== 'scheduled') continue;
    return { startsAt: body.startsAt, koreaDay: body.koreaTime.start.slice(0, 10), room: body.room.name };
  }
  throw new Error('no demo product could be booked');
}

/** The demo owner registers a product through the portal API and submits it for review. */
async function submitAsOwner(browser: Browser, baseURL: string, nameEn: string): Promise<void> {
  const context = await browser.newContext({ baseURL });
  try {
    const { request } = context;
    const headers = { origin: baseURL };
    expect((await request.post('/api/auth/sign-in/email', { data: OWNER, headers })).status()).toBe(200);
    const me = await (await request.get('/api/portal/me')).json() as { companies: { slug: string }[] };
    const company = me.companies[0]!.slug;
    const list = await (await request.get(`/api/portal/companies/${company}/products`)).json() as { products: { slug: string; status: string }[] };
    const existing = await (await request.get(`/api/portal/companies/${company}/products/${list.products.find((p) => p.status === 'approved')!.slug}`)).json() as { product: { pavilion: string; category: string | null } };
    const created = await request.post(`/api/portal/companies/${company}/products`, {
      headers,
      data: {
        pavilion: existing.product.pavilion, category: existing.product.category,
        texts: { ko: { name: `청자 화병 ${nameEn.split(' ').at(-1)}` }, en: { name: nameEn, summary: 'Hand-thrown celadon vase, 30 cm, gift boxed.' } },
        hsCode: '691390', exportMarkets: ['US', 'JP'], moq: 20, moqUnit: 'pieces',
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { slug } = await created.json() as { slug: string };
    const submitted = await request.post(`/api/portal/companies/${company}/products/${slug}/submit`, { headers });
    expect(submitted.status(), await submitted.text()).toBe(200);
  } finally {
    await context.close();
  }
}

test('staff sign in, steer the board, approve a product, plan and commit a week, and read the statistics', async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  const buyer = `Olivia Board ${stamp}`;
  const productEn = `Celadon Vase ${stamp}`;
  const booked = await bookSomewhere(page, buyer);
  await submitAsOwner(browser, baseURL!, productEn);
  const nav = page.getByRole('navigation', { name: 'Control tower' });

  // ---- sign in at the control tower: today's board -------------------------------------
  await page.goto('/control/');
  await expect(page.getByText('Sign in with a staff account to see the board.')).toBeVisible();
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('E-mail').fill(STAFF.email);
  await signIn.getByLabel('Password').fill(STAFF.password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  const board = page.getByRole('region', { name: 'Board: rooms and times' });
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${escape(dayLabel(koreaToday()))}`) })).toBeVisible();
  await expect(board).toBeVisible();
  await expect(page.getByRole('heading', { name: /Waiting to be placed \(\d+\)/ })).toBeVisible();
  await expectNoViolations(page);

  // ---- the day of the buyer's new meeting: give it another room -----------------------
  await page.getByLabel('Day (Korea)').fill(booked.koreaDay);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${escape(dayLabel(booked.koreaDay))}`) })).toBeVisible();
  const meetingButton = page.getByRole('button', { name: new RegExp(buyer) });
  const meeting = board.locator(meetingButton);
  const roomOfMeeting = board.getByRole('row').filter({ has: meetingButton }).getByRole('rowheader');
  await expect(meeting).toBeVisible();
  await expect(roomOfMeeting).toContainText(booked.room); // the room it was booked in
  await meeting.click();
  const details = page.getByRole('region', { name: new RegExp(`with ${buyer}`) });
  await expect(details.getByText('Harbour Imports (Australia)')).toBeVisible();
  const roomChoice = details.getByLabel('Another room at the same time');
  await expect(roomChoice).toBeVisible();
  const target = (await roomChoice.locator('option').first().textContent())!.split(' · ')[0]!;
  expect(target).not.toBe(booked.room);
  await expectNoViolations(page);
  await details.getByRole('button', { name: 'Move to this room' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Moved to ${target}` })).toBeVisible();
  await expect(roomOfMeeting).toContainText(target);
  const after = await page.request.get(`/api/control/board?date=${booked.koreaDay}`);
  const item = ((await after.json()) as { consultations: { buyer: { name: string }; startsAt: string }[] }).consultations.find((c) => c.buyer.name === buyer);
  expect(item?.startsAt).toBe(booked.startsAt); // the same time

  // ---- moderation: approve the product the company submitted ---------------------------
  await nav.getByRole('link', { name: 'Moderation' }).click();
  await page.getByRole('link', { name: productEn }).click();
  await expect(page.getByRole('heading', { name: productEn })).toBeVisible();
  await expect(page.getByRole('table', { name: 'The product as submitted' })).toContainText('691390');
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page.getByRole('status')).toContainText(`Approved: ${productEn}`);

  // ---- the week planner: all queued requests, a proposal, then its commit --------------
  await nav.getByRole('link', { name: 'Planner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Week planner' })).toBeVisible();
  const requests = page.getByRole('group', { name: /Queued requests/ });
  await expect(requests.getByRole('row')).not.toHaveCount(0);
  const queued = await count(requests.locator('legend').textContent());
  expect(queued).toBeGreaterThanOrEqual(12); // the demo's queue
  await expect(requests.getByLabel(/Plan all of them/)).toBeChecked();
  const week = new URL(page.url()).searchParams.get('week')!;
  expect(new Date(`${week}T12:00:00Z`).getUTCDay()).toBe(1); // a Monday
  await expectNoViolations(page);

  await page.getByRole('button', { name: 'Propose a plan' }).click();
  const ready = page.getByRole('status').filter({ hasText: 'Proposal ready' });
  await expect(ready).toBeVisible({ timeout: 60_000 });
  const proposal = page.getByRole('region', { name: 'Proposed plan' });
  await expect(proposal).toHaveAttribute('aria-busy', 'false');
  const placed = Number(/^(\d+) of (\d+)$/.exec((await proposal.locator('[data-figure="placed"]').textContent())!)?.[1]);
  expect(placed).toBeGreaterThanOrEqual(1);
  await expect(proposal.locator('[data-figure="placed"]')).toHaveText(`${placed} of ${queued}`);
  await expect(proposal.locator('[data-figure="gap"]')).toHaveText(/^\d+\.\d\d %$/);
  await expect(proposal.locator('[data-figure="optimal"]')).toHaveText(/^(Yes, proved|Not proved)$/);
  const placements = proposal.getByRole('table', { name: /^Placed \(/ });
  await expect(placements.locator('tbody tr')).toHaveCount(placed);
  // Each placement: buyer, company, Korea time, the buyer's own time with its zone, room, interpreter.
  await expect(placements.locator('tbody tr').first().locator('td').nth(2)).toHaveText(/^\w{3} \d{1,2} \w{3} \d\d:\d\d \([A-Za-z_]+\/[A-Za-z_]+\)$/);
  if (placed < queued) await expect(proposal.getByRole('table', { name: /^Not placed \(/ }).locator('tbody tr')).toHaveCount(queued - placed);
  // Nothing is booked yet.
  const stillQueued = await (await page.request.get('/api/control/requests')).json() as { items: unknown[] };
  expect(stillQueued.items).toHaveLength(queued);
  await expectNoViolations(page);

  await proposal.getByRole('button', { name: /^Commit this plan/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `Booked ${placed} meeting` })).toBeVisible({ timeout: 30_000 });
  const bookedTable = page.getByRole('table', { name: `Booked (${placed})` });
  await expect(bookedTable.locator('tbody tr')).toHaveCount(placed);
  await expect(requests.locator('legend')).toHaveText(`Queued requests (${queued - placed})`); // the queue shrank
  await expectNoViolations(page);

  // A planned meeting is on the board of its day.
  const firstBooked = bookedTable.locator('tbody tr').first();
  const plannedBuyer = (await firstBooked.getByRole('rowheader').textContent())!.trim();
  await firstBooked.getByRole('link', { name: /on the board/ }).click();
  await expect(board.getByRole('button', { name: new RegExp(`with ${escape(plannedBuyer)}`) }).first()).toBeVisible();

  // ---- statistics: figures, a chart with its table, and CSV, matching the API -----------
  await nav.getByRole('link', { name: 'Statistics' }).click();
  await expect(page.getByRole('heading', { name: /At a glance/ })).toBeVisible();
  const range = new URL(page.url()).searchParams;
  const from = range.get('from')!;
  const to = range.get('to')!;
  expect(from <= week && week <= to).toBe(true);
  const api = await (await page.request.get(`/api/control/stats?from=${from}&to=${to}`)).json() as {
    consultations: { total: number }; participants: { buyers: number }; byWeek: { weekStarting: string; count: number }[];
  };
  expect(api.consultations.total).toBeGreaterThanOrEqual(placed + 1);
  await expect(page.locator('[data-figure="total"]')).toHaveText(new Intl.NumberFormat('en-US').format(api.consultations.total));
  await expect(page.locator('[data-figure="buyers"]')).toHaveText(new Intl.NumberFormat('en-US').format(api.participants.buyers));
  const plannedWeek = api.byWeek.find((w) => w.weekStarting === week)!;
  expect(plannedWeek.count).toBeGreaterThanOrEqual(placed);

  const byWeek = page.locator('[data-chart="by-week"]');
  const canvas = byWeek.getByRole('img');
  await expect(canvas).toHaveAttribute('aria-label', new RegExp(`Week of ${week} ${plannedWeek.count}`));
  expect(await canvas.evaluate((c: HTMLCanvasElement) => c.width > 0 && c.toDataURL().length > 2000)).toBe(true);
  await byWeek.getByText('The numbers').click();
  await expect(byWeek.getByRole('row', { name: new RegExp(`Week of ${week}`) })).toContainText(String(plannedWeek.count));
  await expectNoViolations(page);

  const download = page.waitForEvent('download');
  await byWeek.getByRole('button', { name: /Download CSV/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`pavilion-by-week-${from}_${to}.csv`);
  const csv = fs.readFileSync((await file.path())!, 'utf8');
  expect(csv).toBe(`Consultations by week,Consultations\r\n${api.byWeek.map((w) => `Week of ${w.weekStarting},${w.count}`).join('\r\n')}\r\n`);
});

test('a visitor gets a sign-in form and a company account is told the board is for staff', async ({ page }) => {
  await page.goto('/control/');
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Sign in with a staff account to see the board.')).toBeVisible();
  const owner = page.getByRole('form', { name: 'Sign in' });
  await owner.getByLabel('E-mail').fill(OWNER.email);
  await owner.getByLabel('Password').fill(OWNER.password);
  await owner.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Staff only.');
  // The planner too.
  await page.goto('/control/planner/');
  await expect(page.getByRole('alert')).toContainText('Staff only.');
});

test('staff suspend a company: its product pages leave the site, and come back on reinstatement', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/control/companies/');
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('E-mail').fill(STAFF.email);
  await signIn.getByLabel('Password').fill(STAFF.password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('table', { name: 'Companies, suspended first' })).toBeVisible();

  // A company no other test uses (the last with products and no meetings), and one of its product pages.
  type Row = { slug: string; names: { en: string }; publishedProducts: number; upcomingMeetings: number; queuedRequests: number };
  const list = (await (await page.request.get('/api/control/companies?status=active')).json()) as { items: Row[] };
  const company = list.items.filter((c) => c.publishedProducts > 0 && c.upcomingMeetings === 0 && c.queuedRequests === 0).at(-1)!;
  const companyPage = await (await page.request.get(`/companies/${company.slug}/`)).text();
  const productPath = /href="(\/products\/[a-z0-9-]+\/)"/.exec(companyPage)![1]!;
  expect((await page.request.get(productPath)).status()).toBe(200);

  const filter = page.getByRole('form', { name: 'Filter companies' });
  await filter.getByLabel('Name or address').fill(company.slug);
  await filter.getByRole('button', { name: 'Show' }).click();
  const row = page.locator(`tr[data-company="${company.slug}"]`);
  await row.getByRole('button', { name: 'Suspend…' }).click();
  const form = page.getByRole('form', { name: `Suspend ${company.slug}` });
  await form.getByRole('button', { name: /^Suspend / }).click();
  await expect(form.getByText('Give the reason the company will read')).toBeVisible(); // required
  await form.getByLabel('Reason for the company').fill('Export licence expired; send the renewed one.');
  await form.getByRole('button', { name: /^Suspend / }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is suspended' })).toBeVisible();
  await expect(row).toContainText('Reason: Export licence expired; send the renewed one.');
  await expectNoViolations(page);

  await until('the product page to go', async () => ((await page.request.get(productPath)).status() === 404 ? true : undefined), 60_000);
  expect((await page.request.get(`/companies/${company.slug}/`)).status()).toBe(404);

  await row.getByRole('button', { name: 'Reinstate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is reinstated' })).toBeVisible();
  await until('the product page to come back', async () => ((await page.request.get(productPath)).ok() ? true : undefined), 60_000);
});
