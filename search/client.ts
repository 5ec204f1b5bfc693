// The Meilisearch client and one rule for tasks: a task that failed is an error. The
// 0.62 client's waitTask() resolves with the task whatever its status, and gives up
// after 5 s by default, which is too short for indexing.
//
// Requests go over node:http with keep-alive rather than fetch: Meilisearch does not set
// TCP_NODELAY, and on a kept-alive connection fetch (undici) then waits for the kernel's
// delayed ACK before the tail of any answer over a couple of kilobytes arrives: +40 ms on
// nearly every search (p50 44 ms instead of 1-2 ms for 20 hits; measured by
// search/bench.ts). node:http on the same connection does not stall.
import http from 'node:http';
import https from 'node:https';
import { Meilisearch, MeilisearchApiError, type EnqueuedTaskPromise, type Task } from 'meilisearch';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

export function createSearchClient(engine: { url: string; masterKey: string | undefined }): Meilisearch {
  return new Meilisearch({
    host: engine.url,
    apiKey: engine.masterKey,
    timeout: 10_000, // per HTTP request; tasks are awaited separately
    defaultWaitOptions: { timeout: 120_000, interval: 50 },
    httpClient: nodeHttpClient,
  });
}

/**
 * What the client's httpClient option wants: the parsed JSON body, or a thrown error. An
 * error answer becomes a MeilisearchApiError whose `code` is Meilisearch's error code (the
 * client wraps it as the `cause` of a MeilisearchRequestError, so `err.cause.code` reads it,
 * as with fetch). An abort (the client's timeout) rejects with the signal's reason.
 */
export function nodeHttpClient(input: Parameters<typeof fetch>[0], init: RequestInit = {}): Promise<unknown> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const lib = url.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, key) => (headers[key] = value));
  if (init.body != null && typeof init.body !== 'string') {
    return Promise.reject(new TypeError('nodeHttpClient sends string bodies only'));
  }
  const body = init.body ?? undefined;
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  const signal = init.signal ?? undefined;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const req = lib.request(url, { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:'] }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        signal?.removeEventListener('abort', onAbort);
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = text === '' ? undefined : JSON.parse(text);
        } catch (err) {
          return reject(err);
        }
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(parsed);
        const error = new MeilisearchApiError(new Response(null, { status, statusText: res.statusMessage ?? '' }), parsed as never);
        reject(Object.assign(error, { code: (parsed as { code?: string } | undefined)?.code }));
      });
    });
    const onAbort = () => {
      req.destroy();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (err) => {
      signal?.removeEventListener('abort', onAbort);
      reject(err);
    });
    req.end(body);
  });
}

export class SearchTaskError extends Error {
  code: string | undefined;
  constructor(task: Task) {
    const what = `${task.type}${task.indexUid ? ` on ${task.indexUid}` : ''}`;
    super(`Meilisearch task ${task.uid} (${what}) ${task.status}: ${task.error?.message ?? 'no reason given'}`);
    this.code = task.error?.code;
  }
}

/** Waits for the task and throws unless it succeeded. */
export async function waitOk(enqueued: EnqueuedTaskPromise, timeoutMs?: number): Promise<Task> {
  const task = await enqueued.waitTask(timeoutMs === undefined ? undefined : { timeout: timeoutMs });
  if (task.status !== 'succeeded') throw new SearchTaskError(task);
  return task;
}
