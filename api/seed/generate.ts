// Deterministic demo data: pure functions from options to plain rows, no database, no clock.
// The same options give byte-identical output. Each part draws from its own random stream
// (forked by label), so e.g. asking for more products leaves the companies unchanged.
import { PAVILIONS } from './catalogue-data.ts';
import { allocateProducts, generateCompanies } from './companies.ts';
import { generateProducts } from './products.ts';
import { createRandom } from './random.ts';
import {
  MIN_INTERPRETERS, generateAvailabilityRules, generateHolidayBlackouts, generateInterpreters, generateRooms,
} from './schedule.ts';
import type {
  DemoCatalogue, DemoCategory, DemoData, DemoDataOptions, DemoPavilion, ResolvedOptions,
} from './types.ts';

export { generateProducts } from './products.ts';
export type * from './types.ts';

/** Timestamps are offsets from this instant, never from the clock. */
export const BASE_DATE = new Date('2026-01-01T00:00:00Z');

export const DEFAULT_OPTIONS: ResolvedOptions = {
  seed: 1,
  pavilions: PAVILIONS.length,
  companies: 200,
  products: 2000,
  rooms: 15,
  interpreters: 18,
};

export function resolveOptions(opts: DemoDataOptions = {}): ResolvedOptions {
  const o: ResolvedOptions = { ...DEFAULT_OPTIONS };
  for (const [key, value] of Object.entries(opts) as [keyof ResolvedOptions, number | undefined][]) {
    if (value !== undefined) o[key] = value;
  }
  const check = (key: keyof ResolvedOptions, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const v = o[key];
    if (!Number.isSafeInteger(v) || v < min || v > max) {
      throw new RangeError(`${key} must be an integer from ${min} to ${max}, got ${v}`);
    }
  };
  check('seed', 0, 0xffffffff);
  check('pavilions', 1, PAVILIONS.length);
  check('companies', o.products > 0 ? 1 : 0);
  check('products', 0);
  check('rooms', 1);
  check('interpreters', MIN_INTERPRETERS);
  return o;
}

/** Everything except products, plus the per-company plans the product generator follows. */
export function generateCatalogue(opts: DemoDataOptions = {}): DemoCatalogue {
  const options = resolveOptions(opts);
  const rng = createRandom(options.seed);
  const pavilionData = PAVILIONS.slice(0, options.pavilions);

  const pavilions: DemoPavilion[] = pavilionData.map((p, i) => ({
    slug: p.slug,
    names: { ...p.names },
    stories: { ...p.stories },
    sort_order: (i + 1) * 10,
    retired_at: null,
    created_at: BASE_DATE,
    updated_at: BASE_DATE,
  }));
  const categories: DemoCategory[] = pavilionData.flatMap((p) =>
    p.categories.map((c, i) => ({ pavilion_slug: p.slug, slug: c.slug, names: { ...c.names }, sort_order: (i + 1) * 10 })),
  );

  const { plans, companies, companyTexts } = generateCompanies(rng.fork('companies'), pavilionData, options.companies, BASE_DATE);
  allocateProducts(rng.fork('allocation'), plans, options.products);

  const rooms = generateRooms(options.rooms);
  const { interpreters, interpreterLanguages } = generateInterpreters(options.interpreters);
  return {
    options,
    pavilions,
    categories,
    companies,
    companyTexts,
    rooms,
    interpreters,
    interpreterLanguages,
    availabilityRules: generateAvailabilityRules(companies.map((c) => c.slug), rooms, interpreters),
    blackouts: generateHolidayBlackouts(),
    plans,
  };
}

/** All demo rows in memory; for large product counts use generateCatalogue + generateProducts. */
export function generateDemoData(opts: DemoDataOptions = {}): DemoData {
  const catalogue = generateCatalogue(opts);
  const { options: _options, plans: _plans, ...tables } = catalogue;
  const data: DemoData = { ...tables, products: [], productTexts: [] };
  for (const batch of generateProducts(catalogue, 1000)) {
    data.products.push(...batch.products);
    data.productTexts.push(...batch.productTexts);
  }
  return data;
}
