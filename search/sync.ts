// Brings the index in step with the database for some products: those that belong in the
// index now are written as they are now, the rest are deleted. It reads the database when
// it runs, not when the change was made, so a late job never writes an older version.
import type { Kysely } from 'kysely';
import type { Meilisearch } from 'meilisearch';
import type { Database } from '../api/db/schema.ts';
import { waitOk } from './client.ts';
import { productDocumentId, productDocumentsByIds } from './documents.ts';
import { INDEXES } from './settings.ts';
import { syncCompanies } from './directory.ts';

export async function syncProducts(db: Kysely<Database>, client: Meilisearch, productIds: readonly string[], companyIds: readonly string[] = []): Promise<{ written: number; deleted: number }> {
  const documents = await productDocumentsByIds(db, productIds);
  const present = new Set(documents.map((d) => d.id));
  const gone = productIds.map(productDocumentId).filter((id) => !present.has(id));
  const index = client.index(INDEXES.products);
  if (documents.length > 0) await waitOk(index.addDocuments(documents));
  if (gone.length > 0) await waitOk(index.deleteDocuments(gone));
  // A product's company lists its pavilions and product count: bring those along.
  const owners = productIds.length === 0 ? [] : await db.selectFrom('products').select('company_id').distinct()
    .where('id', 'in', [...productIds]).execute();
  await syncCompanies(db, client, [...new Set([...owners.map((o) => o.company_id), ...companyIds])]);
  return { written: documents.length, deleted: gone.length };
}
