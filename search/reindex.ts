// Full rebuild without downtime: fill a fresh index next to the live one, check it, then
// swap the two atomically. Searches hit the old `products` until the swap's instant.
// Changes made to the live index while this runs are lost by the swap, so incremental
// updates should be re-sent afterwards (or run this when the catalogue is quiet).
import type { Kysely } from 'kysely';
import type { Meilisearch } from 'meilisearch';
import type { Database } from '../api/db/schema.ts';
import { waitOk } from './client.ts';
import { ensurePlannerStatistics, productDocuments } from './documents.ts';
import { INDEXES, PRODUCT_PRIMARY_KEY, applySettings } from './settings.ts';

export type ReindexProgress = { documents: number; batches: number };
export type ReindexOptions = {
  /** After each batch read from the database and sent to the engine. */
  onProgress?: (p: ReindexProgress) => void;
  /** As the engine finishes indexing sent documents (in order). */
  onIndexed?: (p: { documents: number }) => void;
  batchSize?: number;
};
export type ReindexResult = ReindexProgress & { indexUid: string; durationMs: number };

const BATCH_SIZE = 5_000;
const TASK_TIMEOUT_MS = 10 * 60_000;
const STALE_AFTER_MS = 24 * 60 * 60_000;

export async function reindexAll(
  db: Kysely<Database>,
  client: Meilisearch,
  opts: ReindexOptions = {},
): Promise<ReindexResult> {
  const started = Date.now();
  await ensurePlannerStatistics(db);
  const live = INDEXES.products;
  const fresh = `${live}_${started}`;
  await dropStaleBuilds(client, started);
  await waitOk(client.createIndex(fresh, { primaryKey: PRODUCT_PRIMARY_KEY }));
  try {
    await applySettings(client, fresh); // before the documents: indexed once, with these rules
    const progress = await addAllDocuments(db, client, fresh, opts.batchSize ?? BATCH_SIZE, opts);
    const { numberOfDocuments } = await client.index(fresh).getStats();
    if (numberOfDocuments !== progress.documents) {
      throw new Error(`Reindex: ${fresh} holds ${numberOfDocuments} documents, expected ${progress.documents}`);
    }
    await swapIntoPlace(client, live, fresh);
    return { ...progress, indexUid: live, durationMs: Date.now() - started };
  } catch (err) {
    await waitOk(client.deleteIndex(fresh)).catch(() => {}); // the live index is untouched
    throw err;
  }
}

/** Reads the database page by page (keyset on products.id) while the engine indexes. */
async function addAllDocuments(
  db: Kysely<Database>,
  client: Meilisearch,
  indexUid: string,
  batchSize: number,
  { onProgress, onIndexed }: Pick<ReindexOptions, 'onProgress' | 'onIndexed'>,
): Promise<ReindexProgress> {
  const index = client.index(indexUid);
  const tasks = [];
  const sizes: number[] = [];
  let afterId: string | null = null;
  const progress = { documents: 0, batches: 0 };
  for (;;) {
    const page = await productDocuments(db, { afterId, limit: batchSize });
    if (page.documents.length === 0) break;
    tasks.push(index.addDocuments(page.documents, { primaryKey: PRODUCT_PRIMARY_KEY }));
    sizes.push(page.documents.length);
    await tasks.at(-1); // enqueued; indexing goes on while we read the next page
    progress.documents += page.documents.length;
    progress.batches += 1;
    onProgress?.({ ...progress });
    if (page.documents.length < batchSize) break;
    afterId = page.lastId;
  }
  let indexed = 0;
  for (const [i, task] of tasks.entries()) {
    await waitOk(task, TASK_TIMEOUT_MS);
    indexed += sizes[i]!;
    onIndexed?.({ documents: indexed });
  }
  return progress;
}

/** Swaps fresh into `live` and drops what was live. With no live index yet, renames. */
async function swapIntoPlace(client: Meilisearch, live: string, fresh: string): Promise<void> {
  const exists = await client.getRawIndex(live).then(() => true, (err) => {
    if (err?.cause?.code === 'index_not_found') return false;
    throw err;
  });
  // With rename, the first index (which must exist) takes the name of the second.
  await waitOk(client.swapIndexes([{ indexes: [fresh, live], rename: !exists }]));
  if (exists) await waitOk(client.deleteIndex(fresh)); // now holds the old documents
}

/** Builds left behind by a crashed reindex; a day old, so never a build still running. */
async function dropStaleBuilds(client: Meilisearch, now: number): Promise<void> {
  const { results } = await client.getRawIndexes({ limit: 1000 });
  const pattern = new RegExp(`^${INDEXES.products}_(\\d+)$`);
  for (const { uid } of results) {
    const at = Number(pattern.exec(uid)?.[1]);
    if (at && now - at > STALE_AFTER_MS) await waitOk(client.deleteIndex(uid));
  }
}
