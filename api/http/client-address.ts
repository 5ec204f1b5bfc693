// Who the client is, for the per-client limits (writes, reads, wrong manage links, sign-ins).
// Served directly, that is the socket's address. Behind reverse proxies every request comes
// from the nearest proxy, so all clients would share one limit: with TRUST_PROXY_HOPS = n,
// the address is the one the n-th proxy from us saw, read from X-Forwarded-For right to
// left. Entries left of that were written by the client and are never believed.
import type { Context } from 'hono';
import { socketAddress } from './routes/auth.ts';

export function clientAddress(trustedHops: number): (c: Context) => string | undefined {
  if (trustedHops <= 0) return socketAddress;
  return (c) => {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    // Fewer entries than proxies: the request did not come through them all; the socket it is.
    return hops.length >= trustedHops ? hops[hops.length - trustedHops] : socketAddress(c);
  };
}
