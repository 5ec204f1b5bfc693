// Is the index in step with the database? Compares the whole id sets both ways (products
// missing from the index, documents of products that are no longer approved), a random
// sample of documents field by field against what documents.ts builds now, and the
// index settings against settings.ts. Read-only on both sides.
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import type { Meilisearch } from 'meilisearch';
import type { Database } from '../api/db/schema.ts';
import { indexableProductIds, productDocumentId, productDocumentsByIds } from './documents.ts';
import { INDEXES, productSettings } from './settings.ts';

export type FieldDifference = { field: string; database: unknown; index: unknown };
export type DocumentDifference = { id: string; slug: string; fields: FieldDifference[] };

export type DriftReport = {
  inStep: boolean;
  indexUid: string;
  indexExists: boolean;
  databaseCount: number;
  indexCount: number;
  /** Document ids (p-<products.id>) of products that belong in the index but are not in it. */
  missing: string[];
  /** Document ids in the index with no approved product of an active company behind them. */
  stale: string[];
  /** How many sampled documents were compared field by field. */
  sampled: number;
  differing: DocumentDifference[];
  /** Names of index settings that differ from settings.ts. */
  settings: string[];
};

export type DriftOptions = {
  indexUid?: string;
  /** Documents compared field by field (default 200). */
  sampleSize?: number;
  /** [0, 1) random numbers for the sample; default Math.random. */
  random?: () => number;
};

const ID_PAGE = 10_000;

export async function checkDrift(db: Kysely<Database>, client: Meilisearch, opts: DriftOptions = {}): Promise<DriftReport> {
  const indexUid = opts.indexUid ?? INDEXES.products;
  const productIds = await indexableProductIds(db);
  const expected = new Set(productIds.map(productDocumentId));
  const report: DriftReport = {
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

  const sample = sampleOf(productIds.filter((id) => present.has(productDocumentId(id))), opts.sampleSize ?? 200, opts.random ?? Math.random);
  report.sampled = sample.length;
  report.differing = await compareDocuments(db, client, indexUid, sample);
  report.settings = settingsDifferences(productSettings(), await index.getSettings());

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
  db: Kysely<Database>,
  client: Meilisearch,
  indexUid: string,
  productIds: string[],
): Promise<DocumentDifference[]> {
  if (productIds.length === 0) return [];
  const built = await productDocumentsByIds(db, productIds);
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
  return Array.isArray(value) ? [...value].map((v) => JSON.stringify(v)).sort() : value;
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

// ---------------------------------------------------------------- report

const LIST_MAX = 10;
const list = (ids: string[]) => `${ids.slice(0, LIST_MAX).join(', ')}${ids.length > LIST_MAX ? `, … (${ids.length - LIST_MAX} more)` : ''}`;
const short = (value: unknown) => {
  const text = value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** A short human report; the last line says whether the index is in step. */
export function formatDriftReport(r: DriftReport): string {
  const lines = [`Index "${r.indexUid}" against the database:`];
  lines.push(`  approved products in the database: ${r.databaseCount}`);
  if (!r.indexExists) {
    lines.push('  the index does not exist');
  } else {
    lines.push(`  documents in the index:            ${r.indexCount}`);
    lines.push(`  missing from the index:            ${r.missing.length}${r.missing.length ? `  ${list(r.missing)}` : ''}`);
    lines.push(`  no longer approved, still indexed: ${r.stale.length}${r.stale.length ? `  ${list(r.stale)}` : ''}`);
    lines.push(`  sample compared field by field:    ${r.sampled}, ${r.differing.length} differ`);
    for (const d of r.differing.slice(0, LIST_MAX)) {
      lines.push(`    ${d.id} (${d.slug}): ${d.fields.map((f) => f.field).join(', ')}`);
      for (const f of d.fields.slice(0, 3)) lines.push(`      ${f.field}: database ${short(f.database)}, index ${short(f.index)}`);
    }
    lines.push(`  settings differing from settings.ts: ${r.settings.length ? r.settings.join(', ') : 'none'}`);
  }
  lines.push(r.inStep ? 'In step.' : 'DRIFT: the index does not match the database. Run `npm run search:reindex`.');
  return lines.join('\n');
}
