// Structured data (schema.org JSON-LD) for the pages. Company text flows into it, and it
// is emitted inside a <script> element, so the JSON is made safe for that context: no
// "<" (which could close the element), ">" or "&", and no JavaScript line separators.
import type { ProductPage, CompanyPage } from './catalogue.ts';
import { pick } from './catalogue.ts';
import { localePath, type Locale } from '../i18n/index.ts';
import { pageLocales } from './localized.ts';

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;
const ESCAPED: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };
export function safeJson(data: unknown): string {
  return JSON.stringify(data).replace(UNSAFE_IN_SCRIPT, (c) => ESCAPED[c]!);
}

export function breadcrumbs(site: URL, trail: { name: string; path: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((t, i) => ({ '@type': 'ListItem', position: i + 1, name: t.name, item: new URL(t.path, site).href })),
  };
}

/** The URL of a company or product page in a locale, or in English where it has none in that locale. */
const pageUrl = (site: URL, texts: ProductPage['texts'], path: string, locale: Locale) =>
  new URL(pageLocales(texts).includes(locale) ? localePath(locale, path) : path, site).href;

export function organization(site: URL, c: Pick<CompanyPage, 'slug' | 'texts' | 'website' | 'region' | 'foundedYear'>, locale: Locale = 'en') {
  const name = pick(c.texts, locale).text;
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name,
    ...(c.texts.ko && c.texts.ko.name !== name ? { alternateName: c.texts.ko.name } : {}),
    url: pageUrl(site, c.texts, `/companies/${c.slug}/`, locale),
    ...(c.website ? { sameAs: [c.website] } : {}),
    ...(c.foundedYear ? { foundingDate: String(c.foundedYear) } : {}),
    address: { '@type': 'PostalAddress', addressRegion: c.region, addressCountry: 'KR' },
  };
}

export function product(site: URL, p: ProductPage, locale: Locale = 'en') {
  const name = pick(p.texts, locale);
  const description = pick(p.texts, locale, 'description').text;
  const price = p.priceTerms;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: name.text,
    ...(description ? { description } : {}),
    url: pageUrl(site, p.texts, `/products/${p.slug}/`, locale),
    category: p.category ? pick(p.category.names, locale).text : undefined,
    brand: { '@type': 'Brand', name: pick(p.company.texts, locale).text },
    manufacturer: { '@type': 'Organization', name: pick(p.company.texts, locale).text, url: pageUrl(site, p.company.texts, `/companies/${p.company.slug}/`, locale) },
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
