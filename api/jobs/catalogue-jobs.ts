// What a catalogue change sets in motion, enqueued in the transaction that made it: the
// search index updated for each product touched, and one site rebuild. Both queues are
// 'stately' in pg-boss: per key at most one job waiting and one running, so a burst of
// changes collapses into one rebuild, and two updates of one product never run at once
// (the second waits and then reads the database as it is by then).
import type { Kysely } from 'kysely';
import type { JobQueue } from './queue.ts';

/**
 * { pavilionId }: the pavilions index. Every search-sync batch ends by rewriting that small
 * index from the database (search/directory.ts syncPavilions), so such a job only has to run.
 */
export type SearchSyncJob = { productId: string } | { companyId: string } | { pavilionId: string };
export type SiteBuildJob = { reason: string };

/** Seconds a site rebuild waits for more changes to come along before it starts. */
export const SITE_BUILD_DEBOUNCE_SECONDS = 3;

export async function enqueueCatalogueChange(jobs: JobQueue | undefined, trx: Kysely<any>, change: { productIds?: string[]; companyIds?: string[]; pavilionIds?: string[]; reason?: string }): Promise<void> {
  if (!jobs) return;
  const ids = [...new Set(change.productIds ?? [])];
  await jobs.insert(trx, 'searchSync', [
    ...ids.map((productId) => ({ data: { productId } satisfies SearchSyncJob, singletonKey: `product:${productId}` })),
    ...[...new Set(change.companyIds ?? [])].map((companyId) => ({ data: { companyId } satisfies SearchSyncJob, singletonKey: `company:${companyId}` })),
    ...[...new Set(change.pavilionIds ?? [])].map((pavilionId) => ({ data: { pavilionId } satisfies SearchSyncJob, singletonKey: `pavilion:${pavilionId}` })),
  ]);
  await jobs.insert(trx, 'siteBuild', [{
    data: { reason: change.reason ?? `products ${ids.join(', ')}` } satisfies SiteBuildJob,
    singletonKey: 'site',
    startAfter: new Date(Date.now() + SITE_BUILD_DEBOUNCE_SECONDS * 1000),
  }]);
}

/**
 * A rebuild check for what changes without a catalogue edit: the home page's programme
 * figures (consultations held, buyers, countries). The builder's fingerprint decides
 * whether anything is built; the 'site' singleton folds it into any rebuild already waiting.
 */
export async function enqueueSiteRefresh(jobs: JobQueue | undefined, trx: Kysely<any>, reason: string): Promise<void> {
  if (!jobs) return;
  await jobs.insert(trx, 'siteBuild', [{
    data: { reason } satisfies SiteBuildJob,
    singletonKey: 'site',
    startAfter: new Date(Date.now() + SITE_BUILD_DEBOUNCE_SECONDS * 1000),
  }]);
}
