import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { rateLimiter, tokenMissLimiter } from './rate-limit.ts';

function app(limits = { writesPerMinute: 3, readsPerMinute: 5 }) {
  let t = 1_000_000;
  const a = new Hono();
  a.use('*', rateLimiter(limits, (c) => c.req.header('x-test-ip'), () => t));
  a.all('*', (c) => c.text('ok'));
  return { a, advance: (ms: number) => (t += ms) };
}
const send = (a: Hono, method: string, ip?: string) => a.request('/meeting-requests', { method, headers: ip ? { 'x-test-ip': ip } : {} });

describe('rateLimiter', () => {
  it('answers 429 with Retry-After once a client passes its limit, per client and per kind', async () => {
    const { a } = app();
    for (let i = 0; i < 3; i++) expect((await send(a, 'POST', '1.1.1.1')).status).toBe(200);
    const refused = await send(a, 'POST', '1.1.1.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Named, with the wait as a number, so the portal can say it in the company's language.
    expect(await refused.json()).toMatchObject({ code: 'too-many-requests', retryAfter: Number(refused.headers.get('retry-after')) });
    expect((await send(a, 'POST', '2.2.2.2')).status).toBe(200); // another client
    expect((await send(a, 'GET', '1.1.1.1')).status).toBe(200); // reads count apart
  });

  it('lets the client in again when the minute has passed', async () => {
    const { a, advance } = app();
    for (let i = 0; i < 3; i++) await send(a, 'POST', '1.1.1.1');
    expect((await send(a, 'POST', '1.1.1.1')).status).toBe(429);
    advance(60_001);
    expect((await send(a, 'POST', '1.1.1.1')).status).toBe(200);
  });

  it('counts exactly the last minute while old requests keep leaving the window', async () => {
    const { a, advance } = app({ writesPerMinute: 3, readsPerMinute: 100 });
    // One read a second for five minutes: the window always holds the last 60, never 100.
    for (let i = 0; i < 300; i++) {
      advance(1_000);
      expect((await send(a, 'GET', '1.1.1.1')).status).toBe(200);
    }
    // 40 more now fill it to exactly 100; the next is one too many.
    for (let i = 0; i < 40; i++) expect((await send(a, 'GET', '1.1.1.1')).status).toBe(200);
    const refused = await send(a, 'GET', '1.1.1.1');
    expect(refused.status).toBe(429);
    // The oldest of the 100 was sent 59 s ago: it leaves in a second.
    expect(refused.headers.get('retry-after')).toBe('1');
    advance(1_000);
    expect((await send(a, 'GET', '1.1.1.1')).status).toBe(200);
  });

  it('is off at limit 0 and for clients it cannot identify', async () => {
    const { a } = app({ writesPerMinute: 0, readsPerMinute: 0 });
    for (let i = 0; i < 10; i++) expect((await send(a, 'POST', '1.1.1.1')).status).toBe(200);
    const { a: b } = app();
    for (let i = 0; i < 10; i++) expect((await send(b, 'POST')).status).toBe(200);
  });
});

describe('tokenMissLimiter', () => {
  function tokens(limit = 3) {
    let t = 1_000_000;
    const a = new Hono();
    a.use('*', tokenMissLimiter(limit, (c) => c.req.header('x-test-ip'), () => t));
    a.get('/manage/:token', (c) => (c.req.param('token') === 'real' ? c.text('ok') : c.text('no', 404)));
    a.get('/health', (c) => c.text('no', 404));
    return { a, advance: (ms: number) => (t += ms) };
  }
  const get = (a: Hono, path: string, ip = '1.1.1.1') => a.request(path, { headers: { 'x-test-ip': ip } });

  it('counts only links that do not exist, and only on manage links; the minute passing lets the client in again', async () => {
    const { a, advance } = tokens();
    for (let i = 0; i < 5; i++) expect((await get(a, '/manage/real')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await get(a, '/health')).status).toBe(404); // not a manage link
    for (let i = 0; i < 3; i++) expect((await get(a, `/manage/wrong-${i}`)).status).toBe(404);
    expect((await get(a, '/manage/real')).status).toBe(429);
    expect((await get(a, '/manage/real', '2.2.2.2')).status).toBe(200);
    advance(60_001);
    expect((await get(a, '/manage/real')).status).toBe(200);
  });
});
