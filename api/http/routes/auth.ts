// better-auth's endpoints under /api/auth/*, with the API's one error shape: its JSON
// errors ({ code, message }) are handed on as problem documents carrying the same code.
import type { Context, Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { CLIENT_IP_HEADER, openVerificationToken, type Auth } from '../../auth/auth.ts';
import { problem } from '../problem.ts';

const titles: Record<number, string> = {
  400: 'Invalid request', 401: 'Not signed in', 403: 'Forbidden', 404: 'Not found',
  422: 'Unprocessable request', 429: 'Too many requests',
};

/** The socket's address; undefined under app.request() in tests. */
export function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

export function registerAuthRoutes(app: Hono<any>, auth: Auth, opts: { publicUrl: string; clientIp?: (c: Context) => string | undefined }) {
  const clientIp = opts.clientIp ?? socketAddress;
  app.on(['GET', 'POST'], '/auth/*', async (c) => {
    // better-auth routes by the full public URL, whatever prefix this app is mounted under.
    const url = new URL(c.req.url);
    const rest = url.pathname.slice(url.pathname.indexOf('/auth/') + '/auth'.length);
    const target = new URL(`${opts.publicUrl}/api/auth${rest}${url.search}`);
    const callback = target.searchParams.get('callbackURL');
    if (callback !== null && !isRedirectTarget(callback)) {
      return problem(400, 'Invalid request', 'callbackURL must be an http(s) address or a path starting with /.');
    }
    // The e-mailed confirmation link carries its token sealed (see sealVerificationUrl).
    const token = rest === '/verify-email' ? target.searchParams.get('token') : null;
    if (token) target.searchParams.set('token', openVerificationToken((await auth.$context).secret, token));
    const headers = new Headers(c.req.raw.headers);
    headers.delete(CLIENT_IP_HEADER); // never trust a client's claim about its own address
    const ip = clientIp(c);
    if (ip) headers.set(CLIENT_IP_HEADER, ip);
    const body = c.req.method === 'POST' ? await c.req.raw.arrayBuffer() : undefined;
    // PostgreSQL text cannot hold a NUL character: better-auth would pass it on and fail (500).
    if (hasNul(url.search, body)) return problem(400, 'Invalid request', 'The request contains a NUL character.');
    const res = await auth.handler(new Request(target, { method: c.req.method, headers, body }));
    return rest === '/sign-up/email' ? sameForEveryAddress(res) : asProblem(res);
  });
}

/** A NUL in the query or the body, raw or as a JSON escape (\u0000). */
function hasNul(search: string, body: ArrayBuffer | undefined): boolean {
  if (/%00/.test(search)) return true;
  if (!body) return false;
  const bytes = new Uint8Array(body);
  if (bytes.includes(0)) return true;
  return /\\u0000/i.test(new TextDecoder().decode(bytes));
}

/**
 * What better-auth can append its error to: an absolute http(s) address or a path on this
 * host. Anything else (a bare word, //host) made it throw, a 500, when a link's token was bad.
 */
function isRedirectTarget(s: string): boolean {
  try {
    if (!s.startsWith('/')) return ['http:', 'https:'].includes(new URL(s).protocol);
    const reference = 'http://reference.invalid';
    return !s.startsWith('//') && !s.startsWith('/\\') && new URL(s, reference).origin === reference;
  } catch {
    return false;
  }
}

/**
 * better-auth answers a sign-up for a registered address with a made-up user whose id is
 * random text, where a new account has a serial id: the answer would tell which addresses
 * have accounts. Every accepted sign-up gets the same answer; the e-mail says the rest.
 */
async function sameForEveryAddress(res: Response): Promise<Response> {
  if (res.status !== 200) return asProblem(res);
  await res.body?.cancel();
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  headers.set('content-type', 'application/json');
  return new Response(JSON.stringify({ status: true }), { status: 200, headers });
}

async function asProblem(res: Response): Promise<Response> {
  if (res.status < 400) return res;
  // Its 404 for a path it has no endpoint for comes without a body: a problem all the same.
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  if (!isJson) await res.body?.cancel();
  const body = (isJson ? await res.json().catch(() => ({})) : {}) as { code?: string; message?: string };
  const out = problem(res.status, titles[res.status] ?? 'Request failed', body.message, body.code ? { code: body.code } : {});
  const retry = res.headers.get('x-retry-after');
  if (retry) out.headers.set('Retry-After', retry);
  return out;
}
