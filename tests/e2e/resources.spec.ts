// Staff keep the programme's resources at /control/resources/: a new booth with its weekly
// hours (a mistake shown at its field first), an interpreter's leave, and a pavilion moved
// up with the keyboard, which the public home page shows after the site's rebuild; every
// state of the screen passes axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { until } from './until.ts';

const STAFF = { email: 'staff@pavilion.localhost', password: 'pavilion-staff-demo' };

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, summary.join('\n')).toEqual([]);
}

/** The pavilions' slugs in the order the public home page lists them. */
async function homeOrder(page: Page): Promise<string[]> {
  const html = await (await page.request.get('/')).text();
  const list = html.split('id="pavilions"')[1]?.split('</ul>')[0] ?? '';
  return [...list.matchAll(/href="\/pavilions\/([a-z0-9-]+)\/"/g)].map((m) => m[1]!);
}

const isoDay = (daysAhead: number) => new Date(Date.now() + daysAhead * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Seoul' });

test('staff add a booth with hours, give an interpreter leave and move a pavilion up, and the home page follows', async ({ page }) => {
  test.setTimeout(360_000);
  const stamp = Date.now().toString(36);

  await page.goto('/control/resources/');
  await expect(page.getByText('Sign in with a staff account to manage pavilions, rooms and interpreters.')).toBeVisible();
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('E-mail').fill(STAFF.email);
  await signIn.getByLabel('Password').fill(STAFF.password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();

  // Pavilions: the second one moves up, by keyboard.
  const tabs = page.getByRole('tablist', { name: 'Resources' });
  await expect(tabs.getByRole('tab', { name: /Pavilions/ })).toHaveAttribute('aria-selected', 'true');
  const rows = page.getByRole('tabpanel').locator('tr[data-pavilion]');
  await expect(rows.nth(1)).toBeVisible();
  const before = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-pavilion')!));
  const published = await homeOrder(page);
  expect(published.slice(0, 2)).toEqual(before.slice(0, 2));
  const [first, second] = before as [string, string];
  await expectNoViolations(page);
  const up = rows.nth(1).getByRole('button', { name: /up$/ });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'moved up to position 1' })).toBeVisible();
  await expect(rows.first()).toHaveAttribute('data-pavilion', second);
  await expect(rows.nth(1)).toHaveAttribute('data-pavilion', first);
  // The keyboard stays with the moved pavilion (its "up" is disabled at the top, so "down").
  await expect(rows.first().getByRole('button', { name: /down$/ })).toBeFocused();

  // Rooms and booths: a new booth, then its hours (a mistake first, shown at its field).
  await tabs.getByRole('tab', { name: /Pavilions/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: /Rooms and booths/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'New room or booth…' }).click();
  const roomForm = page.getByRole('form', { name: 'New room or booth' });
  const booth = `E2E Booth ${stamp}`;
  await roomForm.getByLabel('Name').fill(booth);
  await roomForm.getByLabel('Kind').selectOption('booth');
  await roomForm.getByLabel('Location').fill('Trade centre, Frankfurt');
  await roomForm.getByLabel('Region').fill('Germany');
  await roomForm.getByLabel('Time zone').selectOption('Europe/Berlin');
  await roomForm.getByLabel('Turnover buffer (minutes)').fill('200');
  await roomForm.getByLabel('Equipment').fill('webcam, headset');
  await roomForm.getByRole('button', { name: 'Create the room' }).click();
  const buffer = roomForm.getByLabel('Turnover buffer (minutes)');
  await expect(buffer).toHaveAttribute('aria-invalid', 'true');
  await expect(buffer).toHaveAccessibleDescription(/At most 120/);
  await expect(buffer).toBeFocused();
  await buffer.fill('15');
  await roomForm.getByRole('button', { name: 'Create the room' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Created: ${booth}` })).toBeVisible();
  const boothRow = page.locator(`tr[data-room="${booth}"]`);
  await expect(boothRow).toContainText('Booth · buffer 15 min');

  await boothRow.getByRole('button', { name: `Hours of ${booth}` }).click();
  const hours = page.getByRole('form', { name: `Weekly hours of ${booth}` });
  await expect(hours.getByLabel('Time zone of these hours')).toHaveValue('Europe/Berlin');
  await hours.getByRole('button', { name: 'Add a range' }).click();
  await hours.getByLabel('Day').selectOption({ label: 'Wednesday' });
  await hours.getByLabel('From').fill('10:00');
  await hours.getByLabel('Until').fill('09:30');
  await hours.getByRole('button', { name: 'Save hours' }).click();
  const until_ = hours.getByLabel('Until');
  await expect(until_).toHaveAttribute('aria-invalid', 'true');
  await expect(until_).toHaveAccessibleDescription(/Must end after it starts/);
  await expectNoViolations(page);
  await until_.fill('16:00');
  await hours.getByRole('button', { name: 'Save hours' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Hours saved for ${booth}` })).toBeVisible();
  await expect(boothRow).toContainText('Wed 10:00–16:00 (Europe/Berlin)');
  const api = await (await page.request.get('/api/control/rooms')).json() as { items: { name: string; hours: unknown }[] };
  expect(api.items.find((r) => r.name === booth)?.hours).toEqual({ timeZone: 'Europe/Berlin', usesDefault: false, hours: [{ weekday: 3, start: '10:00', end: '16:00' }] });

  // The booth closes for a day of repairs, and opens again.
  const closedDay = isoDay(40);
  await boothRow.getByRole('button', { name: `Closures of ${booth}` }).click();
  const closeForm = page.getByRole('form', { name: `Close ${booth}` });
  await closeForm.getByLabel('First day').fill(closedDay);
  await closeForm.getByLabel('Reason').fill('New screen fitted');
  await closeForm.getByRole('button', { name: 'Close the room' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${booth} is closed on ${closedDay}` })).toBeVisible();
  await expect(boothRow).toContainText(closedDay);
  await expectNoViolations(page);
  await page.getByRole('button', { name: `Reopen ${booth} ${closedDay}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${booth} is open again on ${closedDay}` })).toBeVisible();
  await expect(boothRow).not.toContainText(closedDay);

  // New hours that leave a booked meeting outside them: taken, and the meeting listed for staff to move.
  const buyerName = `Outside Hours ${stamp}`;
  const productSlug = ((await (await page.request.get('/api/search?limit=1')).json()) as { hits: { slug: string }[] }).hits[0]!.slug;
  const booked = await page.request.post('/api/meeting-requests', {
    headers: { origin: new URL(page.url()).origin },
    data: { productSlug, interpreter: 'none', buyer: { name: buyerName, company: 'Hours Imports', country: 'DE', email: `hours-${stamp}@buyer.test`, language: 'en', timeZone: 'Europe/Berlin' } },
  });
  expect(booked.status(), await booked.text()).toBe(201);
  const meeting = (await booked.json()) as { startsAt: string; room: { name: string } };
  const roomsNow = (await (await page.request.get('/api/control/rooms')).json()) as { items: { id: string; name: string; hours: { timeZone: string; hours: unknown[] } }[] };
  const itsRoom = roomsNow.items.find((r) => r.name === meeting.room.name)!;
  const seoulWeekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Seoul', weekday: 'short' }).format(new Date(meeting.startsAt))) + 1;
  const otherDay = String((seoulWeekday % 7) + 1);
  try {
    await page.reload();
    await page.getByRole('tablist', { name: 'Resources' }).getByRole('tab', { name: /Rooms and booths/ }).click();
    const roomRow = page.locator(`tr[data-room="${itsRoom.name}"]`);
    await roomRow.getByRole('button', { name: `Hours of ${itsRoom.name}` }).click();
    const roomHours = page.getByRole('form', { name: `Weekly hours of ${itsRoom.name}` });
    for (let i = await roomHours.getByRole('button', { name: /^Remove range/ }).count(); i > 0; i--) await roomHours.getByRole('button', { name: /^Remove range/ }).first().click();
    await roomHours.getByLabel('Time zone of these hours').selectOption('Asia/Seoul');
    await roomHours.getByRole('button', { name: 'Add a range' }).click();
    await roomHours.getByLabel('Day').selectOption(otherDay); // a day the meeting is not on
    await roomHours.getByLabel('From').fill('09:00');
    await roomHours.getByLabel('Until').fill('10:00');
    await roomHours.getByRole('button', { name: 'Save hours' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Hours saved for ${itsRoom.name}.` })).toContainText('outside them');
    const notice = page.getByRole('region', { name: new RegExp(`outside the new hours of ${itsRoom.name}`) });
    await expect(notice).toContainText(`with ${buyerName}`);
    const koreaDay = new Date(meeting.startsAt).toLocaleDateString('en-CA', { timeZone: 'Asia/Seoul' });
    await expect(notice.locator(`a[href="/control/?date=${koreaDay}"]`).first()).toBeVisible();
    await expectNoViolations(page);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  } finally {
    // The shared hall gets the room's own hours back.
    const restore = await page.request.put(`/api/control/rooms/${itsRoom.id}/hours`, { headers: { origin: new URL(page.url()).origin }, data: { timeZone: itsRoom.hours.timeZone, hours: itsRoom.hours.hours } });
    expect(restore.status()).toBe(200);
  }
  await page.getByRole('tablist', { name: 'Resources' }).getByRole('tab', { name: /Rooms and booths/ }).focus();

  // Interpreters: leave well beyond the booking horizon, so no meeting stands in the way.
  await tabs.getByRole('tab', { name: /Interpreters/ }).click();
  const people = await (await page.request.get('/api/control/interpreters')).json() as { items: { name: string; email: string }[] };
  const { name, email } = people.items[0]!;
  const firstInterpreter = page.locator(`tr[data-interpreter="${email}"]`);
  await firstInterpreter.getByRole('button', { name: `Leave of ${name}` }).click();
  const leave = page.getByRole('form', { name: `Add leave for ${name}` });
  const [from, to] = [isoDay(60), isoDay(62)];
  await leave.getByLabel('First day').fill(from);
  await leave.getByLabel('Last day').fill(to);
  await leave.getByLabel('Reason').fill('Annual leave');
  await leave.getByRole('button', { name: 'Add the leave' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Leave added for ${name}: ${from} to ${to}` })).toBeVisible();
  await expect(firstInterpreter).toContainText(`${from} to ${to}`);
  await expect(page.getByRole('button', { name: `Remove leave ${from} to ${to}` })).toBeVisible();
  await expectNoViolations(page);

  // The public home page lists the moved pavilion first once the site has been rebuilt.
  const order = await until('the new order on the home page', async () => {
    const now = await homeOrder(page);
    return now[0] === second ? now : undefined;
  }, 240_000);
  expect(order.slice(0, 2)).toEqual([second, first]);
  await page.goto('/');
  await expect(page.locator('#pavilions + ul > li').first().getByRole('link')).toHaveAttribute('href', `/pavilions/${second}/`);
});

test('the resources screen is for staff: a company account is told so', async ({ page }) => {
  await page.goto('/control/resources/');
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('E-mail').fill('owner@pavilion.localhost');
  await signIn.getByLabel('Password').fill('pavilion-owner-demo');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Staff only.');
  await expect(page.getByRole('navigation', { name: 'Control tower' }).getByRole('link', { name: 'Resources' })).toHaveAttribute('aria-current', 'page');
});
