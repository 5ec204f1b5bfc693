// Staff at the control tower: sign in, find a buyer's new meeting on the day's board, give
// it another room, and see the board follow; read the statistics as charts, tables and
// CSV; every screen passes axe.
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const STAFF = { email: 'staff@pavilion.localhost', password: 'pavilion-staff-demo' };

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, summary.join('\n')).toEqual([]);
}

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

test('staff see a new meeting on the board and give it another room', async ({ page }) => {
  test.setTimeout(120_000);
  const buyer = `Olivia Board ${Date.now().toString(36)}`;
  const booked = await bookSomewhere(page, buyer);

  await page.goto(`/control/?date=${booked.koreaDay}`);
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('E-mail').fill(STAFF.email);
  await signIn.getByLabel('Password').fill(STAFF.password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();

  const board = page.getByRole('region', { name: 'Board: rooms and times' });
  const meetingButton = page.getByRole('button', { name: new RegExp(buyer) });
  const meeting = board.locator(meetingButton);
  const roomOfMeeting = board.getByRole('row').filter({ has: meetingButton }).getByRole('rowheader');
  await expect(meeting).toBeVisible();
  // It sits in the row of the room it was booked in.
  await expect(roomOfMeeting).toContainText(booked.room);
  await expectNoViolations(page);

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

  // The buyer's own view agrees: the new room, the same time.
  const again = await page.request.get(`/api/control/board?date=${booked.koreaDay}`);
  const item = ((await again.json()) as { consultations: { buyer: { name: string }; startsAt: string }[] }).consultations.find((c) => c.buyer.name === buyer);
  expect(item?.startsAt).toBe(booked.startsAt);
});

test('a visitor gets a sign-in form and a company account is told the board is for staff', async ({ page }) => {
  await page.goto('/control/');
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Sign in with a staff account to see the board.')).toBeVisible();
  const owner = page.getByRole('form', { name: 'Sign in' });
  await owner.getByLabel('E-mail').fill('owner@pavilion.localhost');
  await owner.getByLabel('Password').fill('pavilion-owner-demo');
  await owner.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Staff only.');
});

test('staff read the statistics as charts, as tables and as CSV, and the figures match the API', async ({ page }) => {
  test.setTimeout(120_000);
  const buyer = `Stat Buyer ${Date.now().toString(36)}`;
  const booked = await bookSomewhere(page, buyer);
  const from = booked.koreaDay;
  const to = booked.koreaDay;

  await page.goto(`/control/stats/?from=${from}&to=${to}`);
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('E-mail').fill(STAFF.email);
  await signIn.getByLabel('Password').fill(STAFF.password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /At a glance/ })).toBeVisible();

  const api = await (await page.request.get(`/api/control/stats?from=${from}&to=${to}`)).json() as {
    consultations: { total: number }; participants: { buyers: number }; byDay: { day: string; count: number }[];
  };
  expect(api.consultations.total).toBeGreaterThanOrEqual(1);
  await expect(page.locator('[data-figure="total"]')).toHaveText(new Intl.NumberFormat('en-US').format(api.consultations.total));
  await expect(page.locator('[data-figure="buyers"]')).toHaveText(new Intl.NumberFormat('en-US').format(api.participants.buyers));

  // The chart is drawn, described, and its numbers are in a table.
  const byDay = page.locator('[data-chart="by-day"]');
  const canvas = byDay.getByRole('img');
  await expect(canvas).toHaveAttribute('aria-label', new RegExp(`${from} ${api.byDay[0]!.count}`));
  expect(await canvas.evaluate((c: HTMLCanvasElement) => c.width > 0 && c.toDataURL().length > 2000)).toBe(true);
  await byDay.getByText('The numbers').click();
  await expect(byDay.getByRole('row', { name: new RegExp(from) })).toContainText(String(api.byDay[0]!.count));
  await expectNoViolations(page);

  const download = page.waitForEvent('download');
  await byDay.getByRole('button', { name: /Download CSV/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`pavilion-by-day-${from}_${to}.csv`);
  const csv = fs.readFileSync((await file.path())!, 'utf8');
  expect(csv).toBe(`Consultations by day,Consultations\r\n${api.byDay.map((d) => `${d.day},${d.count}`).join('\r\n')}\r\n`);
});
