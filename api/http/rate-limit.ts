// Per-client request limits for the public writes and searches (accounts have their own,
// in better-auth). A sliding window of one minute per client address and bucket, kept in
// this process: with several API processes a client gets that many times the limit, which
// still stops a flood. Clients we cannot identify (tests through app.request) pass.
import type { Context, MiddlewareHandler } from 'hono';
import { problem } from './problem.ts';

export type RateLimits = { writesPerMinute: number; readsPerMinute: number; tokenMissesPerMinute?: number };

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
      const res = problem(429, 'Too many requests', `At most ${limit} ${write ? 'changes' : 'requests'} a minute; try again in ${retry} s.`, { code: 'too-many-requests', retryAfter: retry });
      res.headers.set('Retry-After', String(retry));
      return res;
    }
    recent.push(t);
    hits.set(key, recent);
    return next();
  };
}

/**
 * Wrong manage links per client and minute. A manage token has 256 random bits, so guessing
 * is hopeless anyway; this makes trying visibly so: once a client has asked for `limit`
 * links that do not exist within a minute, every manage link answers it 429 (a real one
 * too) until the minute has passed. Other clients are not affected.
 */
export function tokenMissLimiter(limit: number, clientIp: (c: Context) => string | undefined, now: () => number = Date.now): MiddlewareHandler {
  const misses = new Map<string, number[]>();
  return async (c, next) => {
    const ip = clientIp(c);
    if (!ip || limit <= 0 || !c.req.path.includes('/manage/')) return next();
    const t = now();
    const recent = (misses.get(ip) ?? []).filter((x) => x > t - WINDOW_MS);
    if (recent.length >= limit) {
      const retry = Math.max(1, Math.ceil((recent[0]! + WINDOW_MS - t) / 1000));
      const res = problem(429, 'Too many requests', `Too many links that do not exist; try again in ${retry} s.`, { code: 'too-many-requests', retryAfter: retry });
      res.headers.set('Retry-After', String(retry));
      return res;
    }
    await next();
    if (c.res.status === 404) recent.push(t);
    if (recent.length) misses.set(ip, recent);
    else misses.delete(ip);
    if (misses.size > 10_000) for (const [key, times] of misses) if ((times.at(-1) ?? 0) <= t - WINDOW_MS) misses.delete(key);
  };
}
