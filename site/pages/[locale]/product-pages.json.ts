// The slugs of the products with a page in a locale where not every product has one, for
// the search island: a result links to its page in the reader's language when there is one.
import type { APIRoute } from 'astro';
import { productNames } from '../../lib/site-pages.ts';
import { pageLocales } from '../../lib/localized.ts';
import { completeLocales, locales, type Locale } from '../../i18n/index.ts';

export function getStaticPaths() {
  return locales.filter((l) => !completeLocales.includes(l)).map((locale) => ({ params: { locale } }));
}

export const GET: APIRoute = async ({ params }) => {
  const locale = params.locale as Locale;
  const slugs = (await productNames()).filter((p) => pageLocales(p.texts).includes(locale)).map((p) => p.slug);
  return new Response(JSON.stringify(slugs), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
