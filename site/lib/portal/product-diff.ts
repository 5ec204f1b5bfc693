// A product as a list of fields with their values written out, and what an edit changes
// field by field: what staff read before they approve an edit of a published product.
import { PRODUCT_LOCALES, type ProductInput } from '../../../api/portal/product-schemas.ts';

export type ProductField = { path: string; value: string };
export type FieldChange = { path: string; before: string; after: string };

const TEXT_FIELDS = ['name', 'summary', 'description', 'keywords'] as const;

/** Every field in a fixed order; absent values are ''. Lists are one item a line. */
export function productFields(p: ProductInput): ProductField[] {
  const fields: ProductField[] = [
    { path: 'pavilion', value: p.pavilion },
    { path: 'category', value: p.category ?? '' },
  ];
  for (const l of PRODUCT_LOCALES) {
    const t = p.texts[l];
    for (const f of TEXT_FIELDS) {
      const v = t ? (f === 'keywords' ? t.keywords.join(', ') : t[f]) : '';
      fields.push({ path: `texts.${l}.${f}`, value: v });
    }
  }
  const price = p.priceTerms;
  fields.push(
    { path: 'specifications', value: p.specifications.map((s) => `${s.key}: ${s.value}`).join('\n') },
    { path: 'certifications', value: p.certifications.join(', ') },
    { path: 'moq', value: p.moq === null ? '' : `${p.moq}${p.moqUnit ? ` ${p.moqUnit}` : ''}` },
    { path: 'leadTimeDays', value: p.leadTimeDays === null ? '' : String(p.leadTimeDays) },
    { path: 'priceTerms', value: price ? `${price.incoterm} ${price.currency} ${price.min}–${price.max} / ${price.unit}` : '' },
    { path: 'hsCode', value: p.hsCode ?? '' },
    { path: 'exportMarkets', value: p.exportMarkets.join(', ') },
  );
  return fields;
}

/** The fields whose value differs between the published product and its pending edit. */
export function diffProducts(before: ProductInput, after: ProductInput): FieldChange[] {
  const b = productFields(before);
  const a = new Map(productFields(after).map((f) => [f.path, f.value]));
  return b.filter((f) => f.value !== a.get(f.path)).map((f) => ({ path: f.path, before: f.value, after: a.get(f.path) ?? '' }));
}
