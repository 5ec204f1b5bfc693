// The node:http transport behind the Meilisearch client: answers, error codes and
// timeouts come out as they would with fetch. A local stand-in server plays Meilisearch.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meilisearch } from 'meilisearch';
import { createSearchClient, nodeHttpClient } from './client.ts';

let server: http.Server;
let url: string;
const seen: { method?: string; url?: string; auth?: string; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
      if (req.url === '/indexes/products/stats') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Index `products` not found.', code: 'index_not_found', type: 'invalid_request', link: '' }));
      } else if (req.url === '/indexes/slow/search') {
        setTimeout(() => res.end('{}'), 2_000);
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ hits: [{ id: 'p-1', name_en: '변압기 transformer' }], query: 'x', processingTimeMs: 1, limit: 20, offset: 0, estimatedTotalHits: 1 }));
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

describe('createSearchClient', () => {
  it('sends the key and a JSON body, and parses the answer', async () => {
    const res = await createSearchClient({ url, masterKey: 'k'.repeat(32) }).index('products').search('변압기', { limit: 20 });
    expect(res.hits).toEqual([{ id: 'p-1', name_en: '변압기 transformer' }]);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: 'POST', url: '/indexes/products/search', auth: `Bearer ${'k'.repeat(32)}` });
    expect(JSON.parse(last.body)).toMatchObject({ q: '변압기', limit: 20 });
  });

  it("reports Meilisearch's error code where fetch would (err.cause.code)", async () => {
    const err = await createSearchClient({ url, masterKey: undefined }).index('products').getStats().catch((e: unknown) => e);
    expect((err as { cause?: { code?: string; message?: string } }).cause).toMatchObject({
      code: 'index_not_found', message: 'Index `products` not found.',
    });
  });

  it('gives up after the timeout, as with fetch', async () => {
    const client = new Meilisearch({ host: url, timeout: 100, httpClient: nodeHttpClient });
    const started = Date.now();
    const err = await client.index('slow').search('x').catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((err as Error).name).toBe('MeilisearchRequestError');
    expect((err as { cause?: Error }).cause?.name).toBe('MeilisearchRequestTimeOutError');
  });
});
