// Which catalogue pages a build renders. A full build (no scope) renders every page. Two
// kinds of scope narrow it:
// - Pages: the hall's incremental rebuild (api/site-build/) hands over the products,
//   companies and pavilions whose pages changed, and the page routes render only those, plus
//   the pages that summarise the whole catalogue (home, sitemap, product-pages.json). Pages
//   without catalogue data (about, search, portal, the localized 404s) are left out: the
//   previous build's copies stay.
// - Shard: a full build split across processes, one per core (api/runtime/site-builder.ts).
//   Shard n of N renders the products and companies whose id is n modulo N; shard 0 also
//   renders the pavilions and the pages without catalogue data. The shards' folders merge
//   into one site.

/** Slugs whose pages a scoped build renders, in every locale each has. */
export type PageScope = { products: string[]; companies: string[]; pavilions: string[] };
/** One of `shards` processes of a full build. */
export type ShardScope = { shard: number; shards: number };
export type BuildScope = PageScope | ShardScope;

/** The part of the catalogue a build reads: some slugs, or the rows of one shard. */
export type CatalogueSlice = { slugs: readonly string[] } | ShardScope;

type Scope = { kind: 'pages'; products: Set<string>; companies: Set<string>; pavilions: Set<string> } | ({ kind: 'shard' } & ShardScope);

// Per build, like the database handle (site/lib/db.ts): an in-process rebuild may get the
// same bundled modules back, so this must not live in a module variable.
const KEY = Symbol.for('pavilion.site.scope');
type Holder = { [KEY]?: Scope | undefined };

export function isShard(scope: BuildScope): scope is ShardScope {
  return 'shard' in scope;
}

export function provideBuildScope(scope: BuildScope | undefined): void {
  (globalThis as Holder)[KEY] = !scope
    ? undefined
    : isShard(scope)
      ? { kind: 'shard', shard: scope.shard, shards: scope.shards }
      : { kind: 'pages', products: new Set(scope.products), companies: new Set(scope.companies), pavilions: new Set(scope.pavilions) };
}

function scope(): Scope | undefined {
  return (globalThis as Holder)[KEY];
}

/** The products or companies whose pages this build renders; undefined for all of them. */
export function catalogueSlice(kind: 'products' | 'companies'): CatalogueSlice | undefined {
  const s = scope();
  if (!s) return undefined;
  return s.kind === 'shard' ? { shard: s.shard, shards: s.shards } : { slugs: [...s[kind]] };
}

/** Whether this build renders a pavilion's grid pages. */
export function rendersPavilion(slug: string): boolean {
  const s = scope();
  return !s || (s.kind === 'shard' ? s.shard === 0 : s.pavilions.has(slug));
}

/** getStaticPaths of a page without catalogue data: its paths in a full build (its first shard), none in a scoped one. */
export function unlessScoped<T>(paths: () => T[]): () => T[] {
  return () => {
    const s = scope();
    return !s || (s.kind === 'shard' && s.shard === 0) ? paths() : [];
  };
}
