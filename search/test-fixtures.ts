// A small catalogue for the search tests: approved products in two pavilions, plus rows
// that must stay out of the index (draft, rejected, suspended company) and personal data
// (users, buyers) that must never reach it.
import type { Kysely } from 'kysely';
import type { Database, LocalizedText } from '../api/db/schema.ts';

type ProductFixture = {
  slug: string;
  company: string;
  pavilion: string;
  category?: string;
  status: 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';
  moq?: number;
  certifications?: string[];
  texts: Record<string, { name: string; summary?: string; description?: string; keywords?: string[] }>;
};

export const APPROVED_SLUGS = ['oil-immersed-transformer', 'gas-insulated-switchgear', 'kf94-mask', 'red-ginseng-cream'];

const PRODUCTS: ProductFixture[] = [
  {
    slug: 'oil-immersed-transformer', company: 'hanil-electric', pavilion: 'energy', category: 'power-equipment',
    status: 'approved', moq: 1, certifications: ['KC', 'IEC 60076'],
    texts: {
      en: {
        name: 'Oil-immersed transformer',
        summary: 'Distribution transformer, 22.9 kV, 100 to 3,000 kVA.',
        description: 'Hermetically sealed, ONAN cooling. For quotes write to sales@hanil.example or call +82 31 123 4567.',
        keywords: ['distribution transformer', 'ONAN'],
      },
      ko: { name: '유입식 변압기', summary: '22.9 kV 배전용 변압기', keywords: ['배전용 변압기'] },
    },
  },
  {
    slug: 'gas-insulated-switchgear', company: 'hanil-electric', pavilion: 'energy', category: 'power-equipment',
    status: 'approved', moq: 2,
    texts: { en: { name: 'Gas-insulated switchgear', summary: 'Compact 24 kV GIS.' }, ko: { name: '가스절연 개폐장치' } },
  },
  {
    slug: 'kf94-mask', company: 'seoul-care', pavilion: 'health-beauty', category: 'masks',
    status: 'approved', moq: 10_000, certifications: ['MFDS'],
    texts: {
      en: { name: 'KF94 mask', summary: 'Four-layer protective face mask, individually packed.' },
      ko: { name: 'KF94 보건용 마스크', summary: '4중 필터, 개별 포장' },
    },
  },
  {
    slug: 'red-ginseng-cream', company: 'seoul-care', pavilion: 'health-beauty',
    status: 'approved', moq: 500,
    texts: { ko: { name: '홍삼 영양 크림', summary: '홍삼 추출물을 담은 영양 크림' } },
  },
  {
    slug: 'draft-transformer', company: 'hanil-electric', pavilion: 'energy', status: 'draft',
    texts: { en: { name: 'Dry-type transformer (draft)' } },
  },
  {
    slug: 'rejected-mask', company: 'seoul-care', pavilion: 'health-beauty', status: 'rejected',
    texts: { en: { name: 'Cotton mask (rejected)' } },
  },
  {
    slug: 'suspended-transformer', company: 'suspended-co', pavilion: 'energy', status: 'approved',
    texts: { en: { name: 'Pole transformer of a suspended company' } },
  },
];

const COMPANIES = [
  { slug: 'hanil-electric', region: 'Gyeonggi', languages: ['ko', 'en'], status: 'active' as const,
    names: { en: 'Hanil Electric', ko: '한일전기' } },
  { slug: 'seoul-care', region: 'Seoul', languages: ['ko'], status: 'active' as const,
    names: { en: 'Seoul Care', ko: '서울케어' } },
  { slug: 'suspended-co', region: 'Busan', languages: ['ko'], status: 'suspended' as const,
    names: { en: 'Suspended Co' } },
];

const PAVILIONS: { slug: string; names: LocalizedText; categories: { slug: string; names: LocalizedText }[] }[] = [
  { slug: 'energy', names: { en: 'Energy & Power', ko: '에너지·전력' },
    categories: [{ slug: 'power-equipment', names: { en: 'Power equipment', ko: '전력기기' } }] },
  { slug: 'health-beauty', names: { en: 'Health & Beauty', ko: '보건·뷰티' },
    categories: [{ slug: 'masks', names: { en: 'Masks', ko: '마스크' } }] },
];

export async function seedCatalogue(db: Kysely<Database>): Promise<void> {
  const pavilionIds = new Map<string, string>();
  const categoryIds = new Map<string, string>();
  for (const p of PAVILIONS) {
    const { id } = await db.insertInto('pavilions').values({ slug: p.slug, names: JSON.stringify(p.names), retired_at: null })
      .returning('id').executeTakeFirstOrThrow();
    pavilionIds.set(p.slug, id);
    for (const c of p.categories) {
      const cat = await db.insertInto('categories').values({ pavilion_id: id, slug: c.slug, names: JSON.stringify(c.names) })
        .returning('id').executeTakeFirstOrThrow();
      categoryIds.set(c.slug, cat.id);
    }
  }

  const companyIds = new Map<string, string>();
  for (const c of COMPANIES) {
    const { id } = await db.insertInto('companies').values({
      slug: c.slug, region: c.region, languages: c.languages, status: c.status,
      founded_year: null, employees: null, website: null, logo_key: null,
    }).returning('id').executeTakeFirstOrThrow();
    companyIds.set(c.slug, id);
    for (const [locale, name] of Object.entries(c.names)) {
      await db.insertInto('company_texts')
        .values({ company_id: id, locale, name, description: `Contact ${c.slug}@example.com` }).execute();
    }
    const user = await db.insertInto('users').values({ email: `owner@${c.slug}.example`, name: 'Owner Kim' })
      .returning('id').executeTakeFirstOrThrow();
    await db.insertInto('company_members').values({ company_id: id, user_id: user.id, role: 'owner' }).execute();
  }
  await db.insertInto('buyers').values({
    email: 'buyer@importer.example', name: 'Jane Buyer', company_name: 'Importer Ltd', country: 'DE',
    language: 'en', time_zone: 'Europe/Berlin', phone: '+49 30 1234567',
  }).execute();

  for (const [i, p] of PRODUCTS.entries()) {
    const { id } = await db.insertInto('products').values({
      slug: p.slug, company_id: companyIds.get(p.company)!, pavilion_id: pavilionIds.get(p.pavilion)!,
      category_id: p.category ? categoryIds.get(p.category)! : null, status: p.status,
      moq: p.moq ?? null, moq_unit: p.moq ? 'pcs' : null, certifications: p.certifications ?? [],
      export_markets: ['US', 'VN'], published_at: p.status === 'approved' ? new Date(Date.UTC(2026, 10, 1 + i, 9)) : null,
      rejection_reason: null, lead_time_days: null, price_terms: null, hs_code: null,
    }).returning('id').executeTakeFirstOrThrow();
    for (const [locale, t] of Object.entries(p.texts)) {
      await db.insertInto('product_texts').values({
        product_id: id, locale, name: t.name, summary: t.summary ?? '', description: t.description ?? '',
        keywords: t.keywords ?? [],
      }).execute();
    }
  }
}
