import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTERPRETER_LANGUAGES, PAVILIONS } from './catalogue-data.ts';
import { BASE_DATE, generateCatalogue, generateDemoData, generateProducts } from './generate.ts';
import { SLUG_PATTERN } from './text.ts';

const defaults = generateDemoData({ seed: 1 });

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

describe('generateDemoData determinism', () => {
  it('gives byte-identical output for the same seed', () => {
    const a = JSON.stringify(generateDemoData({ seed: 42, companies: 60, products: 500 }));
    const b = JSON.stringify(generateDemoData({ seed: 42, companies: 60, products: 500 }));
    expect(a).toBe(b);
  });

  it('gives different output for a different seed', () => {
    const a = generateDemoData({ seed: 1, companies: 30, products: 100 });
    const b = generateDemoData({ seed: 2, companies: 30, products: 100 });
    expect(JSON.stringify(a.companies)).not.toBe(JSON.stringify(b.companies));
    expect(JSON.stringify(a.products)).not.toBe(JSON.stringify(b.products));
  });

  it('does not depend on the product batch size', () => {
    const catalogue = generateCatalogue({ seed: 5, companies: 25, products: 333 });
    const one = [...generateProducts(catalogue, 7)];
    expect(one.every((b, i) => b.products.length === (i < one.length - 1 ? 7 : 333 % 7 || 7))).toBe(true);
    const big = [...generateProducts(catalogue, 1000)];
    expect(JSON.stringify(one.flatMap((b) => b.products))).toBe(JSON.stringify(big.flatMap((b) => b.products)));
    expect(JSON.stringify(one.flatMap((b) => b.productTexts))).toBe(JSON.stringify(big.flatMap((b) => b.productTexts)));
  });

  it('keeps the companies when only the product count changes', () => {
    const few = generateDemoData({ seed: 9, companies: 40, products: 50 });
    const many = generateDemoData({ seed: 9, companies: 40, products: 900 });
    expect(JSON.stringify(many.companies)).toBe(JSON.stringify(few.companies));
    expect(JSON.stringify(many.companyTexts)).toBe(JSON.stringify(few.companyTexts));
  });

  it('derives every timestamp from the base date, not the clock', () => {
    const times = [
      ...defaults.pavilions.flatMap((p) => [p.created_at, p.updated_at]),
      ...defaults.companies.flatMap((c) => [c.created_at, c.updated_at]),
      ...defaults.products.flatMap((p) => [p.created_at, p.published_at, p.updated_at]),
    ].map((d) => d.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(BASE_DATE.getTime());
    expect(Math.max(...times)).toBeLessThan(Date.parse('2026-11-01T00:00:00Z'));
    for (const p of defaults.products) expect(p.published_at.getTime()).toBeGreaterThan(p.created_at.getTime());
  });
});

describe('generateDemoData defaults', () => {
  it('has the documented counts', () => {
    expect(defaults.pavilions.length).toBeGreaterThanOrEqual(12);
    expect(defaults.pavilions.length).toBe(PAVILIONS.length);
    expect(defaults.companies).toHaveLength(200);
    expect(defaults.companyTexts.filter((t) => t.locale === 'en' || t.locale === 'ko')).toHaveLength(400);
    expect(defaults.products).toHaveLength(2000);
    expect(defaults.rooms).toHaveLength(15);
    expect(defaults.interpreters).toHaveLength(18);
    expect(defaults.availabilityRules).toHaveLength(5 * (200 + 15 + 18));
    expect(defaults.blackouts.length).toBeGreaterThanOrEqual(30);
  });

  it('gives every pavilion bilingual names and story and 3-6 categories', () => {
    for (const p of defaults.pavilions) {
      expect(p.names.en && p.names.ko && p.stories.en && p.stories.ko).toBeTruthy();
      const categories = defaults.categories.filter((c) => c.pavilion_slug === p.slug);
      expect(categories.length).toBeGreaterThanOrEqual(3);
      expect(categories.length).toBeLessThanOrEqual(6);
    }
  });

  it('makes unique slugs that satisfy the schema CHECK', () => {
    const slugs = {
      pavilions: defaults.pavilions.map((p) => p.slug),
      categories: defaults.categories.map((c) => `${c.pavilion_slug}/${c.slug}`),
      companies: defaults.companies.map((c) => c.slug),
      products: defaults.products.map((p) => p.slug),
    };
    for (const list of Object.values(slugs)) expect(duplicates(list)).toEqual([]);
    for (const slug of [...slugs.pavilions, ...defaults.categories.map((c) => c.slug), ...slugs.companies, ...slugs.products]) {
      expect(slug).toMatch(SLUG_PATTERN);
    }
  });

  it('gives every product en and ko text, and a share ja, zh, ru or vi', () => {
    const locales = new Map<string, Set<string>>();
    for (const t of defaults.productTexts) {
      expect(t.name.trim()).not.toBe('');
      expect(t.summary.trim()).not.toBe('');
      expect(t.description.trim()).not.toBe('');
      expect(t.keywords.length).toBeGreaterThan(0);
      expect(['en', 'ko', 'ja', 'zh', 'ru', 'vi']).toContain(t.locale);
      locales.set(t.product_slug, (locales.get(t.product_slug) ?? new Set()).add(t.locale));
    }
    for (const p of defaults.products) {
      expect(locales.get(p.slug)?.has('en')).toBe(true);
      expect(locales.get(p.slug)?.has('ko')).toBe(true);
    }
    expect(defaults.productTexts.some((t) => t.locale === 'ja')).toBe(true);
    expect(defaults.productTexts.some((t) => t.locale === 'zh')).toBe(true);
    expect(defaults.productTexts.filter((t) => t.locale === 'ko').every((t) => /[가-힣]/.test(t.name))).toBe(true);
    // Russian and Vietnamese for a good share, in their own scripts and spelling.
    const share = (l: string) => defaults.productTexts.filter((t) => t.locale === l).length / defaults.products.length;
    expect(share('ru')).toBeGreaterThan(0.2);
    expect(share('vi')).toBeGreaterThan(0.2);
    for (const t of defaults.productTexts.filter((x) => x.locale === 'ru')) {
      expect(t.name).toMatch(/^[^a-zа-яё]*[А-ЯЁ]?[а-яё]/); // starts with a Russian word (after an acronym at most)
      expect(t.summary).toContain('Республика Корея');
      expect(t.description).not.toMatch(/undefined|null/);
    }
    for (const t of defaults.productTexts.filter((x) => x.locale === 'vi')) {
      expect(t.summary).toContain('Hàn Quốc');
      expect(t.description).not.toMatch(/undefined|null/);
    }
    // A company that speaks Russian lists most of its products in it.
    const ruSpeakers = new Set(defaults.companies.filter((c) => c.languages.includes('ru')).map((c) => c.slug));
    const theirs = defaults.products.filter((p) => ruSpeakers.has(p.company_slug));
    const theirsInRu = theirs.filter((p) => locales.get(p.slug)?.has('ru'));
    expect(theirsInRu.length / theirs.length).toBeGreaterThan(0.6);
  });

  it('adds Russian and Vietnamese texts without changing the products or their other texts', () => {
    // The further languages draw from a stream of their own: the products and their en, ko,
    // ja and zh texts are what they were before (a golden value of seed 1).
    const first = defaults.products[0]!;
    expect(first.slug).toBe('cushion-foundation-jinseong-1');
    expect(defaults.productTexts.filter((t) => t.product_slug === first.slug && t.locale === 'en')[0]!.name).toBe('Cushion Foundation');
  });

  it('links products to existing companies and to categories of their pavilion', () => {
    const companies = new Set(defaults.companies.map((c) => c.slug));
    const categories = new Set(defaults.categories.map((c) => `${c.pavilion_slug}/${c.slug}`));
    for (const p of defaults.products) {
      expect(companies.has(p.company_slug)).toBe(true);
      expect(categories.has(`${p.pavilion_slug}/${p.category_slug}`)).toBe(true);
    }
    // Every company gets at least one product when there are enough to go round.
    expect(new Set(defaults.products.map((p) => p.company_slug)).size).toBe(200);
  });

  it('fills product fields within the schema constraints', () => {
    for (const p of defaults.products) {
      expect(p.hs_code).toMatch(/^[0-9]{6,10}$/);
      expect(p.moq).toBeGreaterThan(0);
      expect(Number.isInteger(p.moq)).toBe(true);
      expect(p.lead_time_days).toBeGreaterThanOrEqual(0);
      expect(p.status).toBe('approved');
      expect(['FOB', 'CIF']).toContain(p.price_terms.incoterm);
      expect(p.price_terms.currency).toBe('USD');
      expect(p.price_terms.min).toBeGreaterThan(0);
      expect(p.price_terms.max).toBeGreaterThanOrEqual(p.price_terms.min);
      expect(p.specifications.length).toBeGreaterThan(0);
      for (const s of p.specifications) expect(s.key && s.value).toBeTruthy();
      for (const m of p.export_markets) expect(m).toMatch(/^[A-Z]{2}$/);
    }
  });

  it('gives companies bilingual profiles, Korean among their languages and an example.com website', () => {
    for (const c of defaults.companies) {
      expect(c.languages[0]).toBe('ko');
      expect(c.website).toBe(`https://${c.slug}.example.com`);
      expect(c.export_markets.length).toBeGreaterThanOrEqual(2);
      expect(c.founded_year).toBeGreaterThanOrEqual(1800);
      expect(c.founded_year).toBeLessThanOrEqual(2026);
      expect(c.employees).toBeGreaterThanOrEqual(0);
      const texts = defaults.companyTexts.filter((t) => t.company_slug === c.slug);
      const locales = texts.map((t) => t.locale);
      expect(locales.slice(0, 2)).toEqual(['en', 'ko']);
      // A company that speaks Japanese or Chinese also presents itself in it.
      if (c.languages.includes('ja')) expect(locales).toContain('ja');
      if (c.languages.includes('zh')) expect(locales).toContain('zh');
      for (const t of texts.filter((x) => x.locale === 'ja' || x.locale === 'zh')) {
        expect(t.name).toBe(texts[0]!.name); // the English name, as such firms use
        expect(t.description).toMatch(t.locale === 'ja' ? /[ぁ-ん]/ : /[\u4e00-\u9fff]/);
        expect(t.description).not.toMatch(/undefined|null/);
      }
    }
    expect(defaults.companyTexts.filter((t) => t.locale === 'ja').length).toBeGreaterThan(20);
    expect(defaults.companyTexts.filter((t) => t.locale === 'zh').length).toBeGreaterThan(20);
    expect(defaults.companies.some((c) => c.languages.includes('en'))).toBe(true);
    expect(defaults.companies.some((c) => c.languages.length === 1)).toBe(true);
  });

  it('covers every interpretation language with at least two interpreters', () => {
    for (const { tag } of INTERPRETER_LANGUAGES) {
      expect(defaults.interpreterLanguages.filter((l) => l.language === tag).length).toBeGreaterThanOrEqual(2);
    }
    expect(INTERPRETER_LANGUAGES.map((l) => l.tag).sort()).toEqual(['en', 'es', 'ja', 'ru', 'vi', 'zh']);
    for (const i of defaults.interpreters) {
      expect(i.email).toMatch(/^interpreter\.[a-z]{2}\d+@interpreters\.pavilion\.example$/);
      expect(i.email).toBe(i.email.toLowerCase());
    }
    expect(duplicates(defaults.interpreters.map((i) => i.email))).toEqual([]);
  });

  it('opens rooms, companies and interpreters on weekdays in Seoul time', () => {
    expect(defaults.rooms[0]).toMatchObject({ name: 'Seoul HQ Room 1', buffer_minutes: 10, time_zone: 'Asia/Seoul' });
    for (const r of defaults.availabilityRules) {
      const owners = [r.company_slug, r.room_name, r.interpreter_email].filter((x) => x !== null);
      expect(owners).toHaveLength(1);
      expect(r.weekday).toBeGreaterThanOrEqual(1);
      expect(r.weekday).toBeLessThanOrEqual(5);
      expect(r.time_zone).toBe('Asia/Seoul');
      expect([r.start_time, r.end_time]).toEqual(r.room_name ? ['08:00:00', '20:00:00'] : ['09:00:00', '18:00:00']);
    }
  });

  it('blacks out Korean public holidays from midnight to midnight in Seoul', () => {
    for (const b of defaults.blackouts) {
      expect([b.company_slug, b.room_name, b.interpreter_email]).toEqual([null, null, null]);
      expect(b.ends_at.getTime() - b.starts_at.getTime()).toBe(86_400_000);
      expect(b.starts_at.toISOString()).toMatch(/T15:00:00\.000Z$/);
    }
    const starts = defaults.blackouts.map((b) => b.starts_at.toISOString());
    expect(starts).toContain('2026-09-24T15:00:00.000Z'); // Chuseok, 25 September 2026
    expect(starts).toContain('2027-02-06T15:00:00.000Z'); // Seollal, 7 February 2027
    expect(duplicates(starts)).toEqual([]);
  });
});

describe('generateDemoData options', () => {
  it('rejects impossible options', () => {
    expect(() => generateDemoData({ interpreters: 11 })).toThrow(RangeError);
    expect(() => generateDemoData({ pavilions: 0 })).toThrow(RangeError);
    expect(() => generateDemoData({ companies: 0, products: 5 })).toThrow(RangeError);
    expect(() => generateDemoData({ products: 1.5 })).toThrow(RangeError);
  });

  it('uses a subset of pavilions and adds rooms in regional offices and booths abroad', () => {
    const d = generateDemoData({ pavilions: 3, companies: 10, products: 30, rooms: 62, interpreters: 12 });
    expect(d.pavilions.map((p) => p.slug)).toEqual(PAVILIONS.slice(0, 3).map((p) => p.slug));
    expect(new Set(d.products.map((p) => p.pavilion_slug)).size).toBeLessThanOrEqual(3);
    expect(d.rooms.filter((r) => r.kind === 'room')).toHaveLength(60);
    expect(d.rooms[15]).toMatchObject({ name: 'Gyeonggi Office Room 1', region: 'Gyeonggi' });
    expect(d.rooms[60]).toMatchObject({ kind: 'booth', time_zone: 'America/New_York' });
    expect(duplicates(d.rooms.map((r) => r.name))).toEqual([]);
  });

  it('keeps its invariants for any seed and size (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 300 }),
        (seed, companies, products) => {
          const d = generateDemoData({ seed, companies, products });
          expect(d.companies).toHaveLength(companies);
          expect(d.products).toHaveLength(products);
          const slugs = [...d.companies.map((c) => c.slug), ...d.products.map((p) => p.slug)];
          expect(duplicates(slugs)).toEqual([]);
          for (const s of slugs) expect(s).toMatch(SLUG_PATTERN);
          for (const p of d.products) expect(p.hs_code).toMatch(/^[0-9]{6,10}$/);
        },
      ),
      { numRuns: 25 },
    );
  });
});
