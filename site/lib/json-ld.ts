// Structured data (schema.org JSON-LD) for the pages. Company text flows into it, and it
// is emitted inside a <script> element, so the JSON is made safe for that context: no
// "<" (which could close the element), ">" or "&", and no JavaScript line separators.
import type { ProductPage, CompanyPage } from './catalogue.ts';
import { pick } from './catalogue.ts';

export function safeJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function breadcrumbs(site: URL, trail: { name: string; path: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((t, i) => ({ '@type': 'ListItem', position: i + 1, name: t.name, item: new URL(t.path, site).href })),
  };
}

export function organization(site: URL, c: Pick<CompanyPage, 'slug' | 'texts' | 'website' | 'region' | 'foundedYear'>) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: pick(c.texts).text,
    ...(c.texts.ko ? { alternateName: c.texts.ko.name } : {}),
    url: new URL(`/companies/${c.slug}/`, site).href,
    ...(c.website ? { sameAs: [c.website] } : {}),
    ...(c.foundedYear ? { foundingDate: String(c.foundedYear) } : {}),
    address: { '@type': 'PostalAddress', addressRegion: c.region, addressCountry: 'KR' },
  };
}

export function product(site: URL, p: ProductPage) {
  const en = p.texts.en;
  const price = p.priceTerms;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: pick(p.texts).text,
    ...(en?.description ? { description: en.description } : {}),
    url: new URL(`/products/${p.slug}/`, site).href,
    category: p.category ? pick(p.category.names).text : undefined,
    brand: { '@type': 'Brand', name: pick(p.company.texts).text },
    manufacturer: { '@type': 'Organization', name: pick(p.company.texts).text, url: new URL(`/companies/${p.company.slug}/`, site).href },
    ...(price
      ? {
          offers: {
            '@type': 'AggregateOffer',
            priceCurrency: price.currency,
            lowPrice: price.min,
            highPrice: price.max,
            offerCount: 1,
            availability: 'https://schema.org/InStock',
            ...(p.moq ? { eligibleQuantity: { '@type': 'QuantitativeValue', minValue: p.moq, unitText: p.moqUnit ?? undefined } } : {}),
          },
        }
      : {}),
  };
}
