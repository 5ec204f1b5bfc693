// Which catalogue pages a build renders. A full build (no scope) renders every page; the
// hall's incremental rebuild (api/site-build/) hands over the products, companies and
// pavilions whose pages changed, and the page routes render only those, plus the pages that
// summarise the whole catalogue (home, sitemap, product-pages.json). Pages without catalogue
// data (about, search, portal, the localized 404s) are left out of a scoped build: the
// previous build's copies stay.

/** Slugs whose pages a scoped build renders, in every locale each has. */
export type BuildScope = { products: string[]; companies: string[]; pavilions: string[] };

type Sets = { products: Set<string>; companies: Set<string>; pavilions: Set<string> };

// Per build, like the database handle (site/lib/db.ts): an in-process rebuild may get the
// same bundled modules back, so this must not live in a module variable.
const KEY = Symbol.for('pavilion.site.scope');
type Holder = { [KEY]?: Sets | undefined };

export function provideBuildScope(scope: BuildScope | undefined): void {
  (globalThis as Holder)[KEY] = scope && {
    products: new Set(scope.products), companies: new Set(scope.companies), pavilions: new Set(scope.pavilions),
  };
}

/** The scope of this build; undefined for a full build. */
export function buildScope(): Sets | undefined {
  return (globalThis as Holder)[KEY];
}

/** getStaticPaths of a page without catalogue data: its paths in a full build, none in a scoped one. */
export function unlessScoped<T>(paths: () => T[]): () => T[] {
  return () => (buildScope() ? [] : paths());
}
