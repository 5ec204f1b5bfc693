// Small, explicit catalogue fixtures for API tests (the demo generator is tested on its own).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export async function insertFixtureCatalogue(db: Kysely<Database>, opts: { rooms?: number; interpreters?: string[] } = {}) {
  const pavilion = await db.insertInto('pavilions')
    .values({ slug: 'beauty', names: JSON.stringify({ en: 'Beauty', ko: '뷰티' }) })
    .returning('id').executeTakeFirstOrThrow();
  const company = await db.insertInto('companies')
    .values({ slug: 'hanbit-cosmetics', region: 'Seoul', languages: ['ko', 'en'] })
    .returning('id').executeTakeFirstOrThrow();
  await db.insertInto('company_texts').values([
    { company_id: company.id, locale: 'en', name: 'Hanbit Cosmetics' },
    { company_id: company.id, locale: 'ko', name: '한빛화장품' },
  ]).execute();
  const product = await db.insertInto('products')
    .values({ slug: 'vitamin-c-serum', company_id: company.id, pavilion_id: pavilion.id, status: 'approved', published_at: new Date() })
    .returning('id').executeTakeFirstOrThrow();
  await db.insertInto('product_texts').values([
    { product_id: product.id, locale: 'en', name: 'Vitamin C serum' },
    { product_id: product.id, locale: 'ko', name: '비타민C 세럼' },
  ]).execute();
  const draft = await db.insertInto('products')
    .values({ slug: 'secret-draft', company_id: company.id, pavilion_id: pavilion.id, status: 'draft' })
    .returning('id').executeTakeFirstOrThrow();
  await db.insertInto('product_texts').values({ product_id: draft.id, locale: 'en', name: 'Draft' }).execute();

  for (let i = 1; i <= (opts.rooms ?? 2); i++) {
    await db.insertInto('rooms').values({ name: `Seoul HQ Room ${i}`, location: 'Seoul HQ', region: 'Seoul' }).execute();
  }
  for (const [n, language] of (opts.interpreters ?? ['ja']).entries()) {
    const it = await db.insertInto('interpreters')
      .values({ name: `Interpreter ${n + 1}`, email: `interpreter${n + 1}@example.org` })
      .returning('id').executeTakeFirstOrThrow();
    await db.insertInto('interpreter_languages').values({ interpreter_id: it.id, language }).execute();
  }
  return { pavilionId: pavilion.id, companyId: company.id, productId: product.id };
}
