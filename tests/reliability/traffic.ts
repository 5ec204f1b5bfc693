// The load test's mix of traffic and its search queries: pure, so the shares and the
// queries can be checked without a hall.

export type Kind = 'page' | 'search' | 'slots' | 'booking';

/** Shares of the traffic: nine in ten are reads of pages and search, as on a real trade fair site. */
export const MIX: readonly (readonly [Kind, number])[] = [['page', 0.7], ['search', 0.2], ['slots', 0.07], ['booking', 0.03]];

/** The kind of request for a number drawn uniformly from [0, 1). */
export function pickKind(r: number): Kind {
  let edge = 0;
  for (const [kind, share] of MIX) {
    edge += share;
    if (r < edge) return kind;
  }
  return MIX.at(-1)![0];
}

/** `abcde` → `abdce`: the kind of slip a buyer makes typing fast. */
export function typo(word: string): string {
  if (word.length < 5) return word;
  const i = Math.floor(word.length / 2);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

const FILTERS = ['certification=CE', 'market=US', 'language=en', 'moqMax=1000', 'sort=newest', 'certification=ISO%209001&market=JP'];

/**
 * Query strings for /api/search from product names: each name's first word or two in its
 * own language, English words also with a typo, every fourth with a filter and facets.
 */
export function searchQueries(names: readonly { locale: string; name: string }[], limit = 2000): string[] {
  const queries = new Set<string>();
  for (const [i, { locale, name }] of names.entries()) {
    if (queries.size >= limit) break;
    const words = name.split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const text = words.slice(0, i % 2 ? 2 : 1).join(' ');
    const extra = i % 4 === 0 ? `&facets=1&${FILTERS[(i / 4) % FILTERS.length]}` : '';
    queries.add(`q=${encodeURIComponent(text)}&locale=${locale}${extra}`);
    if (locale === 'en' && i % 3 === 0) queries.add(`q=${encodeURIComponent(typo(words[0]!))}&locale=en`);
  }
  return [...queries];
}
