// Index names and the products index settings. Documents carry one field per language
// (name_en, name_ko, ...) so each field can be tokenised for its language: Korean is
// segmented with a Korean dictionary, Chinese and Japanese have no spaces to split on.
import fs from 'node:fs';
import type { Meilisearch, Settings } from 'meilisearch';
import { waitOk } from './client.ts';

export const INDEXES = { products: 'products', companies: 'companies', pavilions: 'pavilions' } as const;

/** The primary key. Values are `p-<products.id>`: the database id never changes, a slug may. */
export const PRODUCT_PRIMARY_KEY = 'id';

/** Site locale -> Meilisearch (ISO 639-3) locale. Texts in other locales are not indexed. */
export const LOCALES = { en: 'eng', ko: 'kor', ja: 'jpn', zh: 'cmn', ru: 'rus', vi: 'vie' } as const;
export type Locale = keyof typeof LOCALES;
export const LOCALE_CODES = Object.keys(LOCALES) as Locale[];

const perLocale = (field: string) => LOCALE_CODES.map((l) => `${field}_${l}`);

export function productSettings(): Settings {
  return {
    // Order is rank: a match in the name beats one in keywords, which beats the description.
    searchableAttributes: [
      ...perLocale('name'),
      'keywords',
      ...perLocale('companyName'),
      ...perLocale('categoryName'),
      ...perLocale('pavilionName'),
      ...perLocale('summary'),
      ...perLocale('description'),
    ],
    // Each filter only as it is used: equality for the facets, a range on the MOQ. By
    // default every one also gets comparison (range) structures and facet search (searching
    // within a facet's values, which the site never does), both built at indexing time.
    filterableAttributes: [
      {
        attributePatterns: ['pavilion', 'category', 'companySlug', 'certifications', 'exportMarkets', 'companyRegion', 'companyLanguages'],
        features: { facetSearch: false, filter: { equality: true, comparison: false } },
      },
      { attributePatterns: ['moq'], features: { facetSearch: false, filter: { equality: true, comparison: true } } },
    ],
    facetSearch: false,
    sortableAttributes: ['publishedAt', 'moq'],
    // Meilisearch's default order, but an asked-for sort (newest, smallest MOQ) right after
    // "words": among the products matching all the words it decides, instead of only
    // breaking ties after typo, proximity and attribute. Without a sort it does nothing.
    rankingRules: ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'],
    // Proximity counts whether the words share an attribute, not how many words apart they
    // are. Word-pair distances were most of the indexing work (100,000 products: 150 s, then
    // 71 s, on one thread); product names are short, and search/relevance.json passes either
    // way. Changing this needs a reindex (npm run search:check reports the difference).
    proximityPrecision: 'byAttribute',
    // Defaults (1 typo from 5 letters, 2 from 9), but never on numbers: KF94 is not KF95.
    typoTolerance: { enabled: true, disableOnNumbers: true },
    localizedAttributes: LOCALE_CODES.map((l) => ({ attributePatterns: [`*_${l}`], locales: [LOCALES[l]] })),
    synonyms: loadSynonyms(),
  };
}

/** Applies the settings and waits; applying them again changes nothing. */
export async function applySettings(client: Meilisearch, indexUid: string = INDEXES.products): Promise<void> {
  await waitOk(client.index(indexUid).updateSettings(productSettings()), 600_000);
}

/** A group is a plain list (spellings, plurals) or one list per locale, so a review sees which languages it covers. */
export type SynonymGroup = string[] | (Partial<Record<Locale, string[]>> & { $comment?: string });
export type SynonymsFile = { equivalent: SynonymGroup[]; broader: Record<string, string[]> };

export const groupTerms = (group: SynonymGroup): string[] =>
  Array.isArray(group) ? group : LOCALE_CODES.flatMap((l) => group[l] ?? []);

/**
 * search/synonyms.json as Meilisearch wants it: each term -> the terms it also finds. The
 * engine does not chain synonyms, so a broader term and every equivalent of it find the
 * narrower terms and all their equivalents: "электрооборудование" finds "変圧器" without
 * the file listing every pair.
 */
export function loadSynonyms(file = new URL('./synonyms.json', import.meta.url)): Record<string, string[]> {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as SynonymsFile;
  const norm = (t: string) => t.trim().toLowerCase();
  const map = new Map<string, Set<string>>();
  const add = (from: string, to: string[]) => {
    const key = norm(from);
    const set = map.get(key) ?? new Set<string>();
    for (const t of to) if (norm(t) !== key) set.add(norm(t));
    map.set(key, set);
  };
  const groups = data.equivalent.map(groupTerms);
  const withEquivalents = (term: string) => [term, ...groups.filter((g) => g.some((t) => norm(t) === norm(term))).flat()];
  for (const group of groups) for (const term of group) add(term, group);
  for (const [term, narrower] of Object.entries(data.broader)) {
    const targets = narrower.flatMap(withEquivalents);
    for (const from of withEquivalents(term)) add(from, targets);
  }
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()]));
}
