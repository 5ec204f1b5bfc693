// The buyer's manage link on a real database: view, reschedule, cancel, expiry.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createApi } from './app.ts';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const config = loadConfig({ PUBLIC_URL: 'http://hall.test' });
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let now = NOW;
let app: ReturnType<typeof createApi>;

const json = { 'content-type': 'application/json', accept: 'application/json' };
const book = async (email: string, preferredSlots: string[] = []) => {
  const res = await app.request('/meeting-requests', {
    method: 'POST', headers: json,
    body: JSON.stringify({
      productSlug: 'vitamin-c-serum', preferredSlots,
      buyer: { name: 'Ana', company: 'Importadora', country: 'MX', email, language: 'en', timeZone: 'America/Mexico_City' },
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const tokenOf = (b: Record<string, any>) => String(b.manageUrl).split('/').pop()!;
const liveRows = async () =>
  (await handle.db.selectFrom('consultations').select(['id', 'starts_at', 'status', 'ics_sequence']).where('status', '=', 'scheduled').execute());

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, now: () => now });
});
afterAll(async () => handle?.close());
beforeEach(async () => {
  now = NOW;
  await sql`truncate pavilions, companies, rooms, interpreters, buyers, idempotency_keys restart identity cascade`.execute(handle.db);
  await insertFixtureCatalogue(handle.db, { rooms: 1 });
});

describe('manage link', () => {
  it('shows the meeting as HTML with both zones, escaped, and as JSON', async () => {
    const { body } = await book('ana@importadora.test');
    const html = await (await app.request(`/manage/${tokenOf(body)}`)).text();
    expect(html).toContain('Hanbit Cosmetics');
    expect(html).toContain('(America/Mexico_City)');
    expect(html).toContain('(Asia/Seoul)');
    expect(html).toContain('action="/api/manage/');
    const invite = await app.request(`/manage/${tokenOf(body)}/invite.ics`);
    expect(invite.status).toBe(200);
    const ics = await invite.text();
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).toContain(`DTSTART:${String(body.startsAt).replace(/[-:]/g, '').replace('.000', '')}`);
    const res = await app.request(`/manage/${tokenOf(body)}`, { headers: { accept: 'application/json' } });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(((await res.json()) as { startsAt: string }).startsAt).toBe(body.startsAt);
  });

  it('reschedules in place: one live booking, the old time free again, history and sequence kept', async () => {
    const { body } = await book('ana@importadora.test');
    const token = tokenOf(body);
    const { slots } = (await (await app.request(`/manage/${token}/slots`)).json()) as { slots: { start: string }[] };
    expect(slots.map((s) => s.start)).not.toContain(body.startsAt);
    const target = slots[3]!.start;

    const res = await app.request(`/manage/${token}/reschedule`, { method: 'POST', headers: json, body: JSON.stringify({ start: target }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { startsAt: string }).startsAt).toBe(target);

    const live = await liveRows();
    expect(live).toHaveLength(1);
    expect(live[0]!.starts_at.toISOString()).toBe(target);
    expect(live[0]!.ics_sequence).toBe(1);
    const events = await handle.db.selectFrom('consultation_events').select('event').orderBy('id').execute();
    expect(events.map((e) => e.event)).toEqual(['requested', 'scheduled', 'rescheduled']);

    const ics = await (await app.request(`/manage/${token}/invite.ics`)).text();
    expect(ics).toContain(`DTSTART:${target.replace(/[-:]/g, '').replace('.000', '')}`);
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toMatch(/UID:consultation-\d+@hall\.test/);

    // The freed time can be booked by someone else (the only room is free again).
    expect((await book('bo@buyer.test', [body.startsAt])).status).toBe(201);
  });

  it('refuses a taken time with alternatives and changes nothing', async () => {
    const first = await book('ana@importadora.test');
    const second = await book('bo@buyer.test');
    const res = await app.request(`/manage/${tokenOf(second.body)}/reschedule`, {
      method: 'POST', headers: json, body: JSON.stringify({ start: first.body.startsAt }),
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { alternatives: unknown[] }).alternatives.length).toBeGreaterThan(0);
    expect((await liveRows()).map((r) => r.starts_at.toISOString()).sort()).toEqual([first.body.startsAt, second.body.startsAt].sort());
  });

  it('works from a plain HTML form, answering with a redirect back to the page', async () => {
    const { body } = await book('ana@importadora.test');
    const token = tokenOf(body);
    const { slots } = (await (await app.request(`/manage/${token}/slots`)).json()) as { slots: { start: string }[] };
    const res = await app.request(`/manage/${token}/reschedule`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `start=${encodeURIComponent(slots[0]!.start)}`,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/api/manage/${token}?done=moved`);
    const page = await (await app.request(res.headers.get('location')!.replace('/api', ''))).text();
    expect(page).toContain('Your meeting has been moved.');
  });

  it('cancels, frees the time, and then cannot be moved', async () => {
    const { body } = await book('ana@importadora.test');
    const token = tokenOf(body);
    const res = await app.request(`/manage/${token}/cancel`, { method: 'POST', headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('cancelled');
    expect(await liveRows()).toHaveLength(0);
    const request = await handle.db.selectFrom('meeting_requests').select('status').executeTakeFirstOrThrow();
    expect(request.status).toBe('cancelled');
    const invite = await app.request(`/manage/${token}/invite.ics`);
    expect(invite.headers.get('content-type')).toContain('text/calendar');
    const ics = await invite.text();
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('SEQUENCE:1');
    // Twice is harmless; moving a cancelled meeting is refused.
    expect((await app.request(`/manage/${token}/cancel`, { method: 'POST', headers: { accept: 'application/json' } })).status).toBe(200);
    const move = await app.request(`/manage/${token}/reschedule`, { method: 'POST', headers: json, body: JSON.stringify({ start: body.startsAt }) });
    expect(move.status).toBe(409);
    expect((await book('bo@buyer.test', [body.startsAt])).status).toBe(201);
  });

  it('stops working once the meeting has ended', async () => {
    const { body } = await book('ana@importadora.test');
    now = Date.parse(body.endsAt) + 1;
    const res = await app.request(`/manage/${tokenOf(body)}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(410);
    expect((await app.request(`/manage/${tokenOf(body)}/cancel`, { method: 'POST' })).status).toBe(410);
    expect(await liveRows()).toHaveLength(1);
  });

  it.each([
    ['an unknown token', 'GET', '/manage/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', undefined, 404],
    ['a malformed token', 'GET', '/manage/short', undefined, 400],
    ['a token with markup', 'GET', '/manage/%3Cscript%3Ealert(1)%3C%2Fscript%3E-padding-padding', undefined, 400],
    ['a bad time', 'POST', 'reschedule', '{"start":"next tuesday"}', 400],
    ['no time', 'POST', 'reschedule', '{}', 400],
    ['broken JSON', 'POST', 'reschedule', '{"start":', 400],
    ['a time outside any slot', 'POST', 'reschedule', '{"start":"2026-12-06T03:17:00Z"}', 409],
  ])('refuses %s with a problem document, changing nothing', async (_n, method, path, body, status) => {
    const { body: booked } = await book('ana@importadora.test');
    const url = path.startsWith('/') ? path : `/manage/${tokenOf(booked)}/${path}`;
    const res = await app.request(url, { method, headers: json, ...(body ? { body } : {}) });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const live = await liveRows();
    expect(live).toHaveLength(1);
    expect(live[0]!.starts_at.toISOString()).toBe(booked.startsAt);
    expect(live[0]!.ics_sequence).toBe(0);
  });
});
