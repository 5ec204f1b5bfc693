// What the static site's pages are built from, as one digest per product and per company:
// the site builder keeps them with each build and compares them with the database's next
// time, to rebuild only the pages whose data changed (api/site-build/changes.ts). Digests of
// whole rows (texts and images included) rather than updated_at: an edit that forgot to bump
// a timestamp, a deleted row or a status change all show.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { listedCompany } from './listed-companies.ts';

/** A product with a page: approved, of an active company, in a pavilion not retired (as site/lib/catalogue.ts reads them). */
export type PublishedProduct = { id: string; slug: string; pavilionId: string; companyId: string; digest: string };
/**
 * Any company, with whether it has a page (`active`: listed, see listed-companies.ts). A suspended company's products are not in
 * `products` (they have no pages), so suspending or reinstating it removes or renders them.
 */
export type CompanyDigest = { id: string; slug: string; active: boolean; digest: string };

export type CatalogueDigests = {
  /** Pavilions and categories together: names, stories, order, retirements. */
  structure: string;
  pavilions: { id: string; slug: string }[];
  products: PublishedProduct[];
  companies: CompanyDigest[];
};

export async function readCatalogueDigests(db: Kysely<Database>): Promise<CatalogueDigests> {
  const structure = await sql<{ digest: string }>`
    select md5(concat_ws('#',
      (select string_agg(pv::text, '|' order by pv.id) from pavilions pv),
      (select string_agg(c::text, '|' order by c.id) from categories c)
    )) as digest`.execute(db);
  const pavilions = await db.selectFrom('pavilions').select(['id', 'slug']).orderBy('id').execute();
  // A row's JSON covers every column, present and future (but the time of the last edit, which
  // no page shows and which moves without a visible change); texts and images are folded in
  // in a fixed order.
  const products = await sql<PublishedProduct>`
    select p.id::text as id, p.slug, p.pavilion_id::text as "pavilionId", p.company_id::text as "companyId",
      md5((to_jsonb(p) - 'updated_at')::text || '#' || coalesce(t.texts, '') || '#' || coalesce(i.images, '')) as digest
    from products p
    join pavilions pv on pv.id = p.pavilion_id and pv.retired_at is null
    join companies c on c.id = p.company_id and c.status = 'active'
    left join (select product_id, string_agg(pt::text, '|' order by pt.locale) as texts from product_texts pt group by product_id) t
      on t.product_id = p.id
    left join (select product_id, string_agg(pi::text, '|' order by pi.position, pi.id) as images from product_images pi group by product_id) i
      on i.product_id = p.id
    where p.status = 'approved'
    order by p.id`.execute(db);
  const companies = await sql<CompanyDigest>`
    select c.id::text as id, c.slug, ${listedCompany('c')} as active,
      -- The scheduling settings (time zone, confirmation) are edited with the hours and shown on no page.
      md5((to_jsonb(c) - 'updated_at' - 'time_zone' - 'requires_confirmation')::text || '#' || coalesce(t.texts, '')) as digest
    from companies c
    left join (select company_id, string_agg(ct::text, '|' order by ct.locale) as texts from company_texts ct group by company_id) t
      on t.company_id = c.id
    order by c.id`.execute(db);
  return { structure: structure.rows[0]!.digest, pavilions, products: products.rows, companies: companies.rows };
}
