import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { clientAddress } from './client-address.ts';

async function seen(hops: number, forwardedFor?: string): Promise<string> {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(hops)(c) ?? '(none)'));
  const res = await app.request('/', { headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } });
  return res.text();
}

describe('clientAddress', () => {
  it.each([
    // Served directly: a client's X-Forwarded-For is ignored (no socket under app.request()).
    [0, '6.6.6.6', '(none)'],
    // One proxy: the address it appended, whatever the client wrote before it.
    [1, '203.0.113.7', '203.0.113.7'],
    [1, '6.6.6.6, 203.0.113.7', '203.0.113.7'],
    [1, ' 6.6.6.6 ,203.0.113.7 ', '203.0.113.7'],
    // Two proxies (a CDN, then a load balancer): the address the outer one saw.
    [2, '6.6.6.6, 203.0.113.7, 10.0.0.2', '203.0.113.7'],
    // Fewer entries than proxies, or none: not through the proxies; the socket's address.
    [2, '203.0.113.7', '(none)'],
    [1, undefined, '(none)'],
    [1, '', '(none)'],
  ])('hops %i, X-Forwarded-For %j: %s', async (hops, header, expected) => {
    expect(await seen(hops, header)).toBe(expected);
  });
});
