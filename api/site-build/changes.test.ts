// Which pages a change touches, worked out from two builds' digests. The oracle test
// (incremental.db.test.ts) proves the result against real builds; these pin the rules.
import { describe, expect, it } from 'vitest';
import { pageFolders, planRebuild, type CatalogueState, type SavedCatalogueState } from './changes.ts';

const base: CatalogueState = {
  source: 's1',
  structure: 'x1',
  pavilions: { 1: 'beauty', 2: 'food' },
  products: {
    10: ['serum', '1', '100', 'd10'],
    11: ['toner', '1', '100', 'd11'],
    12: ['kimchi', '2', '101', 'd12'],
    13: ['rice', '2', '102', 'd13'],
  },
  companies: { 100: ['hanbit', true, 'c100'], 101: ['jeju-foods', true, 'c101'], 102: ['mill', true, 'c102'], 103: ['idle', true, 'c103'] },
};
const saved: SavedCatalogueState = { ...base, dir: '/site/builds/1' };
const plan = (next: CatalogueState) => planRebuild(saved, next, '/site/builds/1', { maxShare: 0.9, minProducts: 0 });
const withProduct = (id: string, entry: [string, string, string, string] | undefined): CatalogueState => {
  const products = { ...base.products };
  if (entry) products[id] = entry;
  else delete products[id];
  return { ...base, products };
};

describe('planRebuild', () => {
  it('builds everything without a previous build, or when the source, address or structure changed', () => {
    expect(planRebuild(undefined, base, '/site/builds/1')).toMatchObject({ kind: 'full' });
    expect(planRebuild(saved, base, undefined)).toMatchObject({ kind: 'full' });
    expect(planRebuild(saved, base, '/site/builds/2')).toMatchObject({ kind: 'full', reason: /not the one/ });
    expect(plan({ ...base, source: 's2' })).toMatchObject({ kind: 'full', reason: /source/ });
    expect(plan({ ...base, structure: 'x2' })).toMatchObject({ kind: 'full', reason: /pavilions/ });
  });

  it('renders only the pages that list everything when no product or company changed (programme figures)', () => {
    expect(plan(base)).toEqual({
      kind: 'incremental', reason: expect.any(String),
      render: { products: [], companies: [], pavilions: [] }, remove: { products: [], companies: [], pavilions: [] },
    });
  });

  it('an edited product: its pages, its company and its pavilion', () => {
    expect(plan(withProduct('10', ['serum', '1', '100', 'changed']))).toMatchObject({
      kind: 'incremental',
      render: { products: ['serum'], companies: ['hanbit'], pavilions: ['beauty'] },
      remove: { products: ['serum'], companies: ['hanbit'], pavilions: ['beauty'] },
    });
  });

  it('a withdrawn product: its old pages removed, its company and pavilion rendered', () => {
    expect(plan(withProduct('12', undefined))).toMatchObject({
      render: { products: [], companies: ['jeju-foods'], pavilions: ['food'] },
      remove: { products: ['kimchi'], companies: ['jeju-foods'], pavilions: ['food'] },
    });
  });

  it('a renamed product moved to another pavilion and company: old and new of each', () => {
    expect(plan(withProduct('11', ['fresh-toner', '2', '101', 'd11']))).toMatchObject({
      render: { products: ['fresh-toner'], companies: ['hanbit', 'jeju-foods'], pavilions: ['beauty', 'food'] },
      remove: { products: ['fresh-toner', 'toner'], companies: ['hanbit', 'jeju-foods'], pavilions: ['beauty', 'food'] },
    });
  });

  it('an edited company: its page, every one of its products and their pavilions', () => {
    const next = { ...base, companies: { ...base.companies, 100: ['hanbit', true, 'edited'] as [string, boolean, string] } };
    expect(plan(next)).toMatchObject({
      render: { products: ['serum', 'toner'], companies: ['hanbit'], pavilions: ['beauty'] },
    });
  });

  it('a suspended company: its page and its products\' pages removed, not rendered; their pavilion rendered', () => {
    // A suspended company's products have no pages: the digests leave them out.
    const { 13: _rice, ...products } = base.products;
    const next = { ...base, products, companies: { ...base.companies, 102: ['mill', false, 'c102x'] as [string, boolean, string] } };
    expect(plan(next)).toMatchObject({
      render: { products: [], companies: [], pavilions: ['food'] },
      remove: { products: ['rice'], companies: ['mill'], pavilions: ['food'] },
    });
  });

  it('a reinstated company: its page and its products\' pages rendered again, with their pavilion', () => {
    const { 13: _rice, ...products } = base.products;
    const suspended: SavedCatalogueState = { ...saved, products, companies: { ...base.companies, 102: ['mill', false, 'c102x'] } };
    expect(planRebuild(suspended, base, '/site/builds/1', { maxShare: 0.9, minProducts: 0 })).toMatchObject({
      render: { products: ['rice'], companies: ['mill'], pavilions: ['food'] },
      remove: { products: ['rice'], companies: ['mill'], pavilions: ['food'] },
    });
  });

  it('a company without products: its page only', () => {
    const next = { ...base, companies: { ...base.companies, 103: ['idle', true, 'new'] as [string, boolean, string] } };
    expect(plan(next)).toMatchObject({ render: { products: [], companies: ['idle'], pavilions: [] } });
  });

  it('builds everything when more than the given share of the products is touched, and more than a few', () => {
    const next = { ...base, companies: { ...base.companies, 100: ['hanbit', true, 'edited'] as [string, boolean, string] } };
    const dir = '/site/builds/1';
    expect(planRebuild(saved, next, dir, { maxShare: 0.5, minProducts: 0 })).toMatchObject({ kind: 'incremental' }); // 2 of 4
    expect(planRebuild(saved, next, dir, { maxShare: 0.25, minProducts: 0 })).toMatchObject({ kind: 'full', reason: '2 of 4 products touched' });
    expect(planRebuild(saved, next, dir, { maxShare: 0.25, minProducts: 2 })).toMatchObject({ kind: 'incremental' });
    expect(planRebuild(saved, next, dir)).toMatchObject({ kind: 'incremental' }); // a small catalogue
  });
});

describe('pageFolders', () => {
  it('names each page folder in every locale, English unprefixed', () => {
    const folders = pageFolders({ products: ['serum'], companies: [], pavilions: ['beauty'] });
    expect(folders).toContain('products/serum');
    expect(folders).toContain('ko/products/serum');
    expect(folders).toContain('vi/pavilions/beauty');
    expect(folders).toHaveLength(12);
  });

  it('refuses anything but a slug', () => {
    for (const bad of ['..', '', 'a/b', '../x', 'A']) expect(() => pageFolders({ products: [bad], companies: [], pavilions: [] })).toThrow(/slug/);
  });
});
