// What a page says when someone shares its link: Open Graph (Facebook, LinkedIn, KakaoTalk,
// messengers) and the Twitter/X card. Pure: the page hands over what it knows, this returns
// the <meta> tags to write. Values are plain text; Astro escapes them as attributes.
import { intlTag, type Locale } from '../i18n/index.ts';

export type ShareType = 'website' | 'product' | 'profile';

/** A picture for link previews: an absolute URL with its real pixel size. */
export type ShareImage = { url: string; width: number; height: number; alt: string };

export type ShareInput = {
  site: URL;
  locale: Locale;
  /** The other languages the page exists in (its own may be included; it is left out). */
  pageLocales: readonly Locale[];
  /** The page's canonical URL; none for pages without an address of their own (404). */
  url?: string | undefined;
  title: string;
  description: string;
  siteName: string;
  type: ShareType;
  image: ShareImage;
};

/** property= for Open Graph, name= for Twitter, as each consumer reads them. */
export type ShareTag = { property: string; content: string } | { name: string; content: string };

/** Open Graph wants language_TERRITORY: en_GB, ko_KR, zh_CN. */
export function ogLocale(locale: Locale): string {
  const [language, ...rest] = intlTag(locale).split('-');
  const territory = rest.find((part) => /^[A-Z]{2}$/.test(part));
  return territory ? `${language}_${territory}` : language!;
}

// Previews cut long texts anyway; keep descriptions to what they show, on a word boundary.
const MAX_DESCRIPTION = 200;
export function clip(text: string, max = MAX_DESCRIPTION): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

export function shareTags(input: ShareInput): ShareTag[] {
  const absolute = (u: string) => new URL(u, input.site).href;
  const og = (property: string, content: string | number): ShareTag => ({ property, content: String(content) });
  const tags: ShareTag[] = [
    og('og:site_name', input.siteName),
    og('og:type', input.type),
    og('og:title', input.title),
    og('og:description', clip(input.description)),
    ...(input.url ? [og('og:url', absolute(input.url))] : []),
    og('og:locale', ogLocale(input.locale)),
    ...input.pageLocales.filter((l) => l !== input.locale).map((l) => og('og:locale:alternate', ogLocale(l))),
    og('og:image', absolute(input.image.url)),
    ...(absolute(input.image.url).startsWith('https:') ? [og('og:image:secure_url', absolute(input.image.url))] : []),
    og('og:image:width', input.image.width),
    og('og:image:height', input.image.height),
    og('og:image:alt', input.image.alt),
    { name: 'twitter:card', content: 'summary_large_image' },
    { name: 'twitter:image:alt', content: input.image.alt },
  ];
  return tags;
}

/** The site's own picture, for pages without one of theirs (site/public/og-default.jpg). */
export const DEFAULT_SHARE_IMAGE = { path: '/og-default.jpg', width: 1200, height: 630 } as const;
