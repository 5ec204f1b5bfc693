// Per-client request limits for the public writes and searches (accounts have their own,
// in better-auth). A sliding window of one minute per client address and bucket, kept in
// this process: with several API processes a client gets that many times the limit, which
// still stops a flood. Clients we cannot identify (tests through app.request) pass.
import type { Context, MiddlewareHandler } from 'hono';
import { problem } from './problem.ts';

export type RateLimits = { writesPerMinute: number; readsPerMinute: number };

const WINDOW_MS = 60_000;

export function rateLimiter(limits: RateLimits, clientIp: (c: Context) => string | undefined, now: () => number = Date.now): MiddlewareHandler {
  const hits = new Map<string, number[]>();
  let sweptAt = now();
  return async (c, next) => {
    const write = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    const limit = write ? limits.writesPerMinute : limits.readsPerMinute;
    const ip = clientIp(c);
    // Accounts are limited by better-auth; the limit 0 means off.
    if (!ip || limit <= 0 || c.req.path.includes('/auth/')) return next();
    const t = now();
    if (t - sweptAt > WINDOW_MS) {
      for (const [key, times] of hits) if ((times.at(-1) ?? 0) <= t - WINDOW_MS) hits.delete(key);
      sweptAt = t;
    }
    const key = `${write ? 'w' : 'r'}:${ip}`;
    const recent = (hits.get(key) ?? []).filter((x) => x > t - WINDOW_MS);
    if (recent.length >= limit) {
      const retry = Math.max(1, Math.ceil((recent[0]! + WINDOW_MS - t) / 1000));
      const res = problem(429, 'Too many requests', `At most ${limit} ${write ? 'changes' : 'requests'} a minute; try again in ${retry} s.`);
      res.headers.set('Retry-After', String(retry));
      return res;
    }
    recent.push(t);
    hits.set(key, recent);
    return next();
  };
}
