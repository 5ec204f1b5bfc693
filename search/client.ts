// The Meilisearch client and one rule for tasks: a task that failed is an error. The
// 0.62 client's waitTask() resolves with the task whatever its status, and gives up
// after 5 s by default, which is too short for indexing.
import { Meilisearch, type EnqueuedTaskPromise, type Task } from 'meilisearch';

export function createSearchClient(engine: { url: string; masterKey: string | undefined }): Meilisearch {
  return new Meilisearch({
    host: engine.url,
    apiKey: engine.masterKey,
    timeout: 10_000, // per HTTP request; tasks are awaited separately
    defaultWaitOptions: { timeout: 120_000, interval: 50 },
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
