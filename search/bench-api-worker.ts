// Runs in a worker thread for search/bench.ts: the API (createApi) served by
// @hono/node-server on loopback, plus a "null" server answering a fixed body, so the load
// generator on the main thread never shares an event loop with what it measures.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../api/config.ts';
import type { Database } from '../api/db/schema.ts';
import { createApi } from '../api/http/app.ts';
import { silentLogger } from '../api/lib/logger.ts';
import { createSearchClient } from './client.ts';
import { searchProducts } from './query.ts';
import type { Locale } from './settings.ts';

const { engineUrl, masterKey, nullBody } = workerData as { engineUrl: string; masterKey: string; nullBody: string };
const client = createSearchClient({ url: engineUrl, masterKey });
// /search never touches the database; the pool connects only when a query runs.
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }) });
const api = createApi({
  // One client sends every query: a read limit far above the run keeps the limiter's work in
  // the measured path without it refusing the run (the default 600 a minute would).
  db, dbKind: 'postgres', config: loadConfig({ RATE_LIMIT_READS: '100000000' }), log: silentLogger,
  search: () => (p) => searchProducts(client, { ...p, locale: p.locale as Locale }),
});

const listening = (server: http.Server) =>
  new Promise<number>((resolve) => server.once('listening', () => resolve((server.address() as { port: number }).port)));

const apiServer = serve({ fetch: api.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
const nullServer = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(nullBody) });
  res.end(nullBody);
});
nullServer.listen(0, '127.0.0.1');
const [apiPort, nullPort] = await Promise.all([listening(apiServer), listening(nullServer)]);
parentPort!.postMessage({ apiPort, nullPort });
parentPort!.on('message', (m) => {
  if (m === 'stop') {
    apiServer.closeAllConnections();
    nullServer.closeAllConnections();
    apiServer.close();
    nullServer.close();
    void db.destroy();
  }
});
