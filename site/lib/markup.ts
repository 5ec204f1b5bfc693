// Small pieces of markup that every catalogue page repeats many times. As Astro components
// each costs a component instance per use (on a product page, some fifteen); as templates
// they are rendered inline. Astro's own template tag escapes every interpolated value, as
// `{value}` in a component does.
import { render } from 'astro/runtime/server/index.js';
import { langTag, type T } from '../i18n/index.ts';
import { fallbackNote, type InLanguage } from './localized.ts';

/** A data text in the language it is written in: a fallback carries lang, so screen readers
 * switch voice and browsers pick glyphs. */
export function localizedText(value: InLanguage, locale: string): unknown {
  return value.locale === locale ? value.text : render`<span lang="${langTag(value.locale)}">${value.text}</span>`;
}

/** The small visible "(in English)" beside a text shown in another language than the page's. */
export function fallbackMark(t: T, lang: string): unknown {
  const note = fallbackNote(t, lang);
  return note ? render`<small class="fallback-note">${note}</small>` : '';
}
