import { describe, expect, it } from 'vitest';
import { ProductInputSchema, type ProductInput } from '../../../api/portal/product-schemas.ts';
import { diffProducts, productFields } from './product-diff.ts';

const base: ProductInput = ProductInputSchema.parse({
  pavilion: 'beauty',
  texts: { ko: { name: '세럼' }, en: { name: 'Serum', keywords: ['serum', 'vitamin c'] } },
  specifications: [{ key: 'Volume', value: '30 ml' }],
  moq: 500, moqUnit: 'pieces',
});

describe('product diff', () => {
  it('lists every field, absent ones empty', () => {
    const fields = productFields(base);
    expect(fields.find((f) => f.path === 'texts.en.keywords')?.value).toBe('serum, vitamin c');
    expect(fields.find((f) => f.path === 'texts.ja.name')?.value).toBe('');
    expect(fields.find((f) => f.path === 'moq')?.value).toBe('500 pieces');
  });

  it('shows only what the edit changes, field by field', () => {
    const edit = { ...base, texts: { ...base.texts, en: { ...base.texts.en, name: 'Vitamin C serum' }, ja: { name: '美容液', summary: '', description: '', keywords: [] } },
      specifications: [...base.specifications, { key: 'Shelf life', value: '24 months' }] };
    expect(diffProducts(base, edit)).toEqual([
      { path: 'texts.en.name', before: 'Serum', after: 'Vitamin C serum' },
      { path: 'texts.ja.name', before: '', after: '美容液' },
      { path: 'specifications', before: 'Volume: 30 ml', after: 'Volume: 30 ml\nShelf life: 24 months' },
    ]);
  });

  it('finds nothing to show for an identical copy', () => {
    expect(diffProducts(base, structuredClone(base))).toEqual([]);
  });
});
