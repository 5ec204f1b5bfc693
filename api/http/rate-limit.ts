// Per-client request limits for the public writes and searches (accounts have their own,
// in better-auth). A sliding window of one minute per client address and bucket, kept in
// this process: with several API processes a client gets that many times the limit, which
// still stops a flood. Clients we cannot identify (tests through app.request) pass.
import type { Context, MiddlewareHandler } from 'hono';
import { problem } from './problem.ts';

export type RateLimits = { writesPerMinute: number; readsPerMinute: number; tokenMissesPerMinute?: number };

const WINDOW_MS = 60_000;

/**
 * One client's request times in the last minute, oldest first. Expired times leave from the
 * front by moving `head`, so a request costs O(1) amortised instead of copying the list: at a
 * high limit (the search benchmark allows 10^8 a minute) the copy grew with every request.
 */
type Window = { times: number[]; head: number };

/** Drops times at or before `since`; compacts once the dropped part is the larger half. */
function expire(w: Window, since: number): number {
  while (w.head < w.times.length && w.times[w.head]! <= since) w.head++;
  if (w.head > 64 && w.head * 2 > w.times.length) {
    w.times = w.times.slice(w.head);
    w.head = 0;
  }
  return w.times.length - w.head;
}

export function rateLimiter(limits: RateLimits, clientIp: (c: Context) => string | undefined, now: () => number = Date.now): MiddlewareHandler {
  const hits = new Map<string, Window>();
  let sweptAt = now();
  return async (c, next) => {
    const write = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    const limit = write ? limits.writesPerMinute : limits.readsPerMinute;
    const ip = clientIp(c);
    // Accounts are limited by better-auth; the limit 0 means off.
    if (!ip || limit <= 0 || c.req.path.includes('/auth/')) return next();
    const t = now();
    if (t - sweptAt > WINDOW_MS) {
      for (const [key, w] of hits) if ((w.times.at(-1) ?? 0) <= t - WINDOW_MS) hits.delete(key);
      sweptAt = t;
    }
    const key = `${write ? 'w' : 'r'}:${ip}`;
    let recent = hits.get(key);
    if (!recent) hits.set(key, (recent = { times: [], head: 0 }));
    if (expire(recent, t - WINDOW_MS) >= limit) {
      const retry = Math.max(1, Math.ceil((recent.times[recent.head]! + WINDOW_MS - t) / 1000));
      const res = problem(429, 'Too many requests', `At most ${limit} ${write ? 'changes' : 'requests'} a minute; try again in ${retry} s.`, { code: 'too-many-requests', retryAfter: retry });
      res.headers.set('Retry-After', String(retry));
      return res;
    }
    recent.times.push(t);
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
