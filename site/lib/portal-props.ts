// What the portal island gets from the build: its messages in the page's language (plus
// region names) and the pavilions with their categories to file a product under.
import { messagesFor, type Locale, type Messages } from '../i18n/index.ts';
import { listCategories, pick } from './catalogue.ts';
import { pavilions } from './pavilion-pages.ts';
import type { PavilionChoice } from '../components/portal/ProductEditor.tsx';

export { PORTAL_LOCALES } from './portal/paths.ts';

export async function pavilionChoices(locale: Locale): Promise<PavilionChoice[]> {
  const [all, categories] = await Promise.all([pavilions(), listCategories()]);
  return all.map((p) => ({
    slug: p.slug,
    name: pick(p.names, locale).text,
    categories: categories.filter((c) => c.pavilionId === p.id).map((c) => ({ slug: c.slug, name: pick(c.names, locale).text })),
  }));
}

export async function portalProps(locale: Locale): Promise<{ locale: Locale; messages: Messages; pavilions: PavilionChoice[] }> {
  return { locale, messages: messagesFor(locale, 'portal.', 'region.'), pavilions: await pavilionChoices(locale) };
}
