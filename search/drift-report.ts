// The drift report as text for search:check: one section per index, then one verdict line.
import type { DriftReport, IndexDrift, IndexName } from './drift.ts';

const LIST_MAX = 10;
const list = (ids: string[]) => `${ids.slice(0, LIST_MAX).join(', ')}${ids.length > LIST_MAX ? `, … (${ids.length - LIST_MAX} more)` : ''}`;
const short = (value: unknown) => {
  const text = value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** Per index: what belongs in it, what a stale document is, where its settings come from. */
const WORDS: Record<IndexName, { counted: string; stale: string; settingsFrom: string }> = {
  products: { counted: 'approved products', stale: 'no longer approved', settingsFrom: 'settings.ts' },
  companies: { counted: 'active companies', stale: 'no longer active', settingsFrom: 'directory.ts' },
  pavilions: { counted: 'current pavilions', stale: 'retired or deleted', settingsFrom: 'directory.ts' },
};

const LABEL_WIDTH = 38; // the longest label, "settings differing from directory.ts:", and a space
const row = (label: string, value: string | number) => `  ${`${label}:`.padEnd(LABEL_WIDTH)}${value}`;
const ids = (found: string[]) => `${found.length}${found.length ? `  ${list(found)}` : ''}`;

function formatIndex(name: IndexName, r: IndexDrift): string[] {
  const words = WORDS[name];
  const lines = [`Index "${r.indexUid}" against the database:`, row(`${words.counted} in the database`, r.databaseCount)];
  if (!r.indexExists) return [...lines, '  the index does not exist'];
  lines.push(row('documents in the index', r.indexCount));
  lines.push(row('missing from the index', ids(r.missing)));
  lines.push(row(`${words.stale}, still indexed`, ids(r.stale)));
  lines.push(row('sample compared field by field', `${r.sampled}, ${r.differing.length} differ`));
  for (const d of r.differing.slice(0, LIST_MAX)) {
    lines.push(`    ${d.id} (${d.slug}): ${d.fields.map((f) => f.field).join(', ')}`);
    for (const f of d.fields.slice(0, 3)) lines.push(`      ${f.field}: database ${short(f.database)}, index ${short(f.index)}`);
  }
  lines.push(row(`settings differing from ${words.settingsFrom}`, r.settings.length ? r.settings.join(', ') : 'none'));
  return lines;
}

/** A short human report; the last line says whether the indexes are in step, and names those that are not. */
export function formatDriftReport(r: DriftReport): string {
  const entries = Object.entries(r.indexes) as [IndexName, IndexDrift][];
  const lines = entries.flatMap(([name, drift]) => formatIndex(name, drift));
  const drifting = entries.filter(([, d]) => !d.inStep).map(([, d]) => `"${d.indexUid}"`);
  lines.push(r.inStep
    ? 'In step.'
    : `DRIFT in ${drifting.join(', ')}: ${drifting.length > 1 ? 'these indexes do' : 'the index does'} not match the database. ` +
      'Run `npm run search:reindex`.');
  return lines.join('\n');
}
