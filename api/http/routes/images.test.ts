import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OpenAPIHono } from '@hono/zod-openapi';
import { fileImageStore, newStorageKey, storeProcessedImage, type StoredImage } from '../../images/store.ts';
import { processImage } from '../../images/process.ts';
import { photoLike } from '../../images/test-images.ts';
import { problem } from '../problem.ts';
import { imageRoutes } from './images.ts';

let dir: string;
let stored: StoredImage;
let app: OpenAPIHono;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-media-'));
  const store = fileImageStore(dir);
  const processed = await processImage(await photoLike(400, 300).jpeg().toBuffer());
  if (!processed.ok) throw new Error(processed.message);
  stored = await storeProcessedImage(store, processed);
  // Mounted the way createApi would: inside the OpenAPI app (which the hall serves under /api).
  app = new OpenAPIHono();
  app.notFound(() => problem(404, 'Not found', 'No such API route.'));
  app.route('/', imageRoutes(store));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const get = (p: string, headers: Record<string, string> = {}) => app.request(p, { headers });

async function expectProblem404(res: Response) {
  expect(res.status).toBe(404);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(await res.json()).toMatchObject({ type: 'about:blank', title: 'Not found', status: 404 });
}

describe('GET /media/:key/:name', () => {
  it('serves each variant with its own content type and the safe, long-lived headers', async () => {
    const types = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' };
    for (const v of stored.variants) {
      const res = await get(`/media/${stored.storageKey}/${v.name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(types[v.format]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      const body = new Uint8Array(await res.arrayBuffer());
      expect(body.length).toBe(v.bytes);
    }
  });

  it('answers HEAD with the same headers and no body', async () => {
    const url = `/media/${stored.storageKey}/${stored.variants[0]!.name}`;
    const res = await app.request(url, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/avif');
    expect(res.headers.get('etag')).toBe((await get(url)).headers.get('etag'));
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers 304 to a matching If-None-Match, and 200 to a stale one', async () => {
    const url = `/media/${stored.storageKey}/${stored.variants[0]!.name}`;
    const etag = (await get(url)).headers.get('etag')!;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await get(url, { 'if-none-match': header });
      expect(res.status).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      expect(await res.text()).toBe('');
    }
    expect((await get(url, { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('404s a well-formed key or name that does not exist', async () => {
    await expectProblem404(await get(`/media/${newStorageKey()}/640.avif`));
    await expectProblem404(await get(`/media/${stored.storageKey}/1599.avif`));
  });

  it('404s garbage keys and names as a problem document', async () => {
    const key = stored.storageKey;
    const paths = [
      `/media/${key}/../../etc/passwd`,
      '/media/../../etc/passwd',
      `/media/${key}/%2e%2e`,
      `/media/%2e%2e/%2e%2e`,
      `/media/${key}/%2e%2e%2f%2e%2e%2fetc%2fpasswd`,
      `/media/%2e%2e%2f%2e%2e%2fetc/passwd`,
      `/media/${key.toUpperCase()}/320.avif`,
      `/media/${key}/320.AVIF`,
      `/media/${key}0/320.avif`,
      `/media/${key.repeat(40)}/320.avif`,
      `/media/${key}/${'9'.repeat(300)}.avif`,
      `/media/${key}/0320.avif`,
      `/media/${key}/320.svg`,
      `/media/${key}/320.avif.html`,
      `/media/${key}/320.avif%00.html`,
      `/media/${key}/.320.avif.0123456789ab.tmp`,
      `/media/${key}/320.avif/extra`,
      `/media/${key}`,
      '/media',
    ];
    for (const p of paths) await expectProblem404(await get(p));
  });

  it('never serves anything but a stored variant, whatever the path segments (fast-check)', async () => {
    const segment = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: fc.constantFrom('.', '/', '%', '2', 'e', 'f', '\\', 'a', '0', 'A', ':', '\0'), maxLength: 40 }),
      fc.constantFrom('..', '.', '', '%2e%2e', '..%2f..%2fetc%2fpasswd', stored.storageKey, '320.avif', 'index.html'),
    );
    const valid = new Set(stored.variants.map((v) => `${stored.storageKey}/${v.name}`));
    await fc.assert(fc.asyncProperty(segment, segment, fc.boolean(), async (a, b, encode) => {
      const [key, name] = encode ? [encodeURIComponent(a), encodeURIComponent(b)] : [a, b];
      const requested = `/media/${key}/${name}`;
      try {
        new URL(requested, 'http://hall.test');
      } catch {
        return; // not a URL anyone could send
      }
      const res = await get(requested);
      // A stored variant may be asked for percent-encoded (`320%2eavif`): same URL, same file.
      if (res.status === 200) expect(valid.has(`${decodeURIComponent(key)}/${decodeURIComponent(name)}`)).toBe(true);
      else await expectProblem404(res);
    }), { numRuns: 400 });
  });

  it('also works on its own, outside the API app', async () => {
    const alone = imageRoutes(fileImageStore(dir));
    expect((await alone.request(`/media/${stored.storageKey}/${stored.variants[0]!.name}`)).status).toBe(200);
    await expectProblem404(await alone.request('/media/nothing/here'));
    await expectProblem404(await alone.request('/elsewhere'));
  });

  it('serves nothing for other methods', async () => {
    const url = `/media/${stored.storageKey}/${stored.variants[0]!.name}`;
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await app.request(url, { method })).status).toBe(404);
  });
});
