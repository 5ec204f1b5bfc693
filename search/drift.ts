// Are the indexes in step with the database? For each index (products, companies,
// pavilions): the whole id sets both ways (documents missing from the index, documents of
// rows that no longer belong in it), a random sample of documents field by field against
// what documents.ts / directory.ts build now, and the settings against what we apply.
// Read-only on both sides.
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import type { Meilisearch, Settings } from 'meilisearch';
import type { Database } from '../api/db/schema.ts';
import {
  companyDocumentId, companyDocuments, companySettings, indexableCompanyIds, indexablePavilionIds,
  pavilionDocumentId, pavilionDocuments, pavilionSettings,
} from './directory.ts';
import { indexableProductIds, productDocumentId, productDocumentsByIds } from './documents.ts';
import { INDEXES, productSettings } from './settings.ts';

export type FieldDifference = { field: string; database: unknown; index: unknown };
export type DocumentDifference = { id: string; slug: string; fields: FieldDifference[] };
export type IndexName = keyof typeof INDEXES;

export type IndexDrift = {
  inStep: boolean;
  indexUid: string;
  indexExists: boolean;
  /** Rows that belong in the index (approved products, active companies, pavilions not retired). */
  databaseCount: number;
  indexCount: number;
  /** Document ids (p-/c-/v-<id>) of rows that belong in the index but are not in it. */
  missing: string[];
  /** Document ids in the index with no row behind them that belongs in it. */
  stale: string[];
  /** How many sampled documents were compared field by field. */
  sampled: number;
  differing: DocumentDifference[];
  /** Names of index settings that differ from what we apply. */
  settings: string[];
};

export type DriftReport = { inStep: boolean; indexes: Record<IndexName, IndexDrift> };

export type DriftOptions = {
  /** Documents compared field by field, per index (default 200). */
  sampleSize?: number;
  /** [0, 1) random numbers for the sample; default Math.random. */
  random?: () => number;
};

/** What one index should hold: its document ids, documents built now, and settings. */
type IndexSource = {
  expectedIds(db: Kysely<Database>): Promise<string[]>;
  /** The documents of those ids (document ids) that belong in the index now. */
  documents(db: Kysely<Database>, ids: string[]): Promise<{ id: string; slug: string }[]>;
  settings(): Settings;
};

const rowId = (documentId: string) => documentId.slice(2); // drops "p-", "c-", "v-"

const SOURCES: Record<IndexName, IndexSource> = {
  products: {
    expectedIds: async (db) => (await indexableProductIds(db)).map(productDocumentId),
    documents: (db, ids) => productDocumentsByIds(db, ids.map(rowId)),
    settings: productSettings,
  },
  companies: {
    expectedIds: async (db) => (await indexableCompanyIds(db)).map(companyDocumentId),
    documents: (db, ids) => companyDocuments(db, ids.map(rowId)),
    settings: companySettings,
  },
  pavilions: {
    expectedIds: async (db) => (await indexablePavilionIds(db)).map(pavilionDocumentId),
    // A few dozen at most: build them all and keep the sampled ones.
    documents: async (db, ids) => {
      const wanted = new Set(ids);
      return (await pavilionDocuments(db)).filter((d) => wanted.has(d.id));
    },
    settings: pavilionSettings,
  },
};

const ID_PAGE = 10_000;

/** Checks the three indexes, one after another. */
export async function checkDrift(db: Kysely<Database>, client: Meilisearch, opts: DriftOptions = {}): Promise<DriftReport> {
  const indexes = {} as Record<IndexName, IndexDrift>;
  for (const name of Object.keys(SOURCES) as IndexName[]) indexes[name] = await checkIndexDrift(db, client, name, opts);
  return { inStep: Object.values(indexes).every((r) => r.inStep), indexes };
}

export async function checkIndexDrift(
  db: Kysely<Database>,
  client: Meilisearch,
  name: IndexName,
  opts: DriftOptions = {},
): Promise<IndexDrift> {
  const source = SOURCES[name];
  const indexUid = INDEXES[name];
  const expectedIds = await source.expectedIds(db);
  const expected = new Set(expectedIds);
  const report: IndexDrift = {
    inStep: false, indexUid, indexExists: false, databaseCount: expected.size, indexCount: 0,
    missing: [], stale: [], sampled: 0, differing: [], settings: [],
  };
  const index = client.index(indexUid);
  try {
    report.indexCount = (await index.getStats()).numberOfDocuments;
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code !== 'index_not_found') throw err;
    report.missing = [...expected];
    return report;
  }
  report.indexExists = true;

  const present = await indexedIds(client, indexUid);
  report.missing = [...expected].filter((id) => !present.has(id));
  report.stale = [...present].filter((id) => !expected.has(id));

  const sample = sampleOf(expectedIds.filter((id) => present.has(id)), opts.sampleSize ?? 200, opts.random ?? Math.random);
  report.sampled = sample.length;
  report.differing = await compareDocuments(client, indexUid, await source.documents(db, sample));
  report.settings = settingsDifferences(source.settings(), await index.getSettings());

  report.inStep = report.indexCount === report.databaseCount && report.missing.length === 0 && report.stale.length === 0 &&
    report.differing.length === 0 && report.settings.length === 0;
  return report;
}

async function indexedIds(client: Meilisearch, indexUid: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let offset = 0; ; offset += ID_PAGE) {
    const page = await client.index<{ id: string }>(indexUid).getDocuments({ fields: ['id'], limit: ID_PAGE, offset });
    for (const d of page.results) ids.add(String(d.id));
    if (page.results.length < ID_PAGE) return ids;
  }
}

/** Up to n distinct items, uniformly (partial Fisher-Yates), in their original order. */
export function sampleOf<T>(items: readonly T[], n: number, random: () => number): T[] {
  if (n >= items.length) return [...items];
  const positions = items.map((_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (positions.length - i));
    [positions[i], positions[j]] = [positions[j]!, positions[i]!];
  }
  return positions.slice(0, n).sort((a, b) => a - b).map((i) => items[i]!);
}

async function compareDocuments(
  client: Meilisearch,
  indexUid: string,
  built: { id: string; slug: string }[],
): Promise<DocumentDifference[]> {
  if (built.length === 0) return [];
  const ids = built.map((d) => d.id);
  const { results } = await client.index<Record<string, unknown>>(indexUid).getDocuments({ ids, limit: ids.length });
  const stored = new Map(results.map((d) => [String(d.id), d]));
  const differing: DocumentDifference[] = [];
  for (const doc of built) {
    const fromIndex = stored.get(doc.id);
    if (!fromIndex) continue; // deleted since the id scan: reported by the next check
    const fresh = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>; // as the engine stored it
    const fields = [...new Set([...Object.keys(fresh), ...Object.keys(fromIndex)])]
      .filter((field) => !isDeepStrictEqual(fresh[field], fromIndex[field]))
      .sort()
      .map((field) => ({ field, database: fresh[field], index: fromIndex[field] }));
    if (fields.length > 0) differing.push({ id: doc.id, slug: doc.slug, fields });
  }
  return differing;
}

// Lists whose order means nothing to the engine.
const UNORDERED = new Set(['filterableAttributes', 'sortableAttributes']);

/** The settings we set that the index does not hold (the engine adds defaults we ignore). */
export function settingsDifferences(wanted: object, actual: object): string[] {
  const have = actual as Record<string, unknown>;
  return Object.entries(wanted)
    .filter(([key, value]) => !contains(UNORDERED.has(key) ? sortedList(value) : value, UNORDERED.has(key) ? sortedList(have[key]) : have[key]))
    .map(([key]) => key)
    .sort();
}

function sortedList(value: unknown): unknown {
  return Array.isArray(value) ? [...value].map(canonicalJson).sort() : value;
}

/** JSON with every object's keys in order: the engine need not return them in ours. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v);
}

/** actual holds everything in wanted: equal scalars and lists, objects with at least wanted's keys. */
function contains(wanted: unknown, actual: unknown): boolean {
  if (Array.isArray(wanted)) {
    return Array.isArray(actual) && actual.length === wanted.length && wanted.every((w, i) => contains(w, actual[i]));
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(wanted).every(([k, v]) => contains(v, (actual as Record<string, unknown>)[k]));
  }
  return Object.is(wanted, actual);
}
