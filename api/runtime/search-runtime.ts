// The hall's search: start (or connect to) the engine, make the index match the catalogue,
// and expose the query function and health. Search being unavailable never stops the hall.
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { Logger } from '../lib/logger.ts';
import type { ComponentState } from '../http/routes/health.ts';
import type { Meilisearch } from 'meilisearch';
import type { ProductSearch } from '../http/routes/search.ts';
import { isSearchOff, startSearchEngine } from '../../search/engine.ts';
import { createSearchClient } from '../../search/client.ts';
import { PRODUCT_DOCUMENT_VERSION } from '../../search/documents.ts';
import { reindexAll } from '../../search/reindex.ts';
import { companySettings, pavilionSettings, reindexDirectory } from '../../search/directory.ts';
import { searchHall, type FederatedResult } from '../../search/federated.ts';
import { searchProducts } from '../../search/query.ts';
import { INDEXES, productSettings, type Locale } from '../../search/settings.ts';
import { createHash } from 'node:crypto';
import { catalogueFingerprint } from '../repositories/site-fingerprint.ts';

export type SearchRuntime = {
  search: ProductSearch;
  /** Products, companies and pavilions at once; null when search is off. */
  searchHall: HallSearch;
  /** The engine's client, for the index-sync worker; undefined when search is off. */
  client?: Meilisearch | undefined;
  health: () => Promise<ComponentState>;
  stop: () => Promise<void>;
};

export type HallSearch = ((p: { q: string; locale: string }) => Promise<FederatedResult>) | null;

const off = (reason: string): SearchRuntime => ({
  search: null,
  searchHall: null,
  health: async () => ({ ok: false, status: 'off', detail: reason }),
  stop: async () => {},
});

export async function startSearch(opts: { db: Kysely<Database>; config: Config; log: Logger }): Promise<SearchRuntime> {
  const { config, log, db } = opts;
  const engine = await startSearchEngine({
    dataDir: config.dataDir,
    bin: config.meili.bin,
    url: config.meili.url,
    masterKey: config.meili.masterKey,
    log,
  }).catch((err: Error) => ({ off: true as const, reason: err.message }));
  if (isSearchOff(engine)) {
    log.warn(`Search is OFF: ${engine.reason}`);
    return off(engine.reason);
  }
  const client = createSearchClient(engine);
  try {
    // Reindex when the catalogue changed since the index was last built from it.
    const stamp = path.join(config.dataDir, 'search-index.json');
    // The settings are part of it: a changed ranking rule or synonym list means a rebuild, as
    // does a new shape of the product documents.
    const settings = createHash('sha256')
      .update(JSON.stringify([productSettings(), companySettings(), pavilionSettings(), PRODUCT_DOCUMENT_VERSION])).digest('hex');
    const fingerprint = `${engine.managed ? 'bundled' : engine.url}|${settings}|${await catalogueFingerprint(db)}`;
    const previous = fs.existsSync(stamp) ? (JSON.parse(fs.readFileSync(stamp, 'utf8')) as { fingerprint: string }) : null;
    const exists = await Promise.all([INDEXES.products, INDEXES.companies, INDEXES.pavilions]
      .map((uid) => client.index(uid).getStats().then(() => true, () => false))).then((all) => all.every(Boolean));
    if (previous?.fingerprint !== fingerprint || !exists) {
      const result = await reindexAll(db, client);
      await reindexDirectory(db, client);
      fs.writeFileSync(stamp, JSON.stringify({ fingerprint, at: new Date().toISOString() }));
      log.info(`Search index built: ${result.documents} products in ${(result.durationMs / 1000).toFixed(1)} s`);
    } else {
      log.info('Search index unchanged since the last start, reused');
    }
  } catch (err) {
    log.error('Search index could not be built; search answers from what the index holds', err);
  }
  return {
    client,
    search: (p) => searchProducts(client, { ...p, locale: p.locale as Locale }),
    searchHall: (p) => searchHall(client, { q: p.q, locale: p.locale as Locale }),
    health: async () => {
      try {
        const stats = await client.index(INDEXES.products).getStats();
        return { ok: true, status: engine.managed ? 'bundled engine' : 'external engine', detail: `${stats.numberOfDocuments} products indexed` };
      } catch (err) {
        return { ok: false, status: 'down', detail: (err as Error).message };
      }
    },
    stop: () => engine.stop(),
  };
}
