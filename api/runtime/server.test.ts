// The hall's front door: the built site, the API under /api, and a 404 in the visitor's language.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OpenAPIHono } from '@hono/zod-openapi';
import { createHallApp } from './server.ts';

const made: string[] = [];
afterAll(() => { for (const dir of made) fs.rmSync(dir, { recursive: true, force: true }); });

function site(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-site-'));
  made.push(dir);
  fs.writeFileSync(path.join(dir, 'index.html'), '<h1>Hall</h1>');
  fs.writeFileSync(path.join(dir, '404.html'), '<h1>Not found</h1>');
  fs.mkdirSync(path.join(dir, 'ko', '404'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'ko', '404', 'index.html'), '<h1>페이지를 찾을 수 없습니다</h1>');
  return dir;
}

describe('createHallApp', () => {
  const app = createHallApp(new OpenAPIHono(), site());

  it('serves pages with protective headers', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    // The page's own policy is a <meta> tag, where frame-ancestors does not count.
    expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
  });

  it('puts the same headers on API answers, keeping a policy the route chose', async () => {
    const api = new OpenAPIHono();
    api.get('/health', (c) => c.json({ ok: true }));
    api.get('/manage/x', (c) => c.html('<p>manage</p>', 200, { 'Referrer-Policy': 'no-referrer', 'Content-Security-Policy': "default-src 'none'" }));
    const hall = createHallApp(api, site());
    const health = await hall.request('/api/health');
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(health.headers.get('x-frame-options')).toBe('DENY');
    const manage = await hall.request('/api/manage/x');
    expect(manage.headers.get('referrer-policy')).toBe('no-referrer');
    expect(manage.headers.get('content-security-policy')).toBe("default-src 'none'");
  });

  it('adds HSTS when the hall is published over https, and not on plain http', async () => {
    const published = createHallApp(new OpenAPIHono(), site(), 'https://hall.example');
    for (const url of ['/', '/no-such-page/']) {
      expect((await published.request(url)).headers.get('strict-transport-security'), url).toBe('max-age=31536000');
      expect((await app.request(url)).headers.get('strict-transport-security'), url).toBeNull();
    }
    expect((await app.request('https://hall.test/')).headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it.each([
    ['/no-such-page/', 'Not found'],
    ['/ko/no-such-page/', '페이지를 찾을 수 없습니다'],
    ['/ja/no-such-page/', 'Not found'], // no Japanese 404 built here: the English one
  ])('answers %s with the 404 page in its language', async (url, text) => {
    const res = await app.request(url);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain(text);
  });
});
