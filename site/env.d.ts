/// <reference types="astro/client" />

/** The meeting form's words in every locale, made at build time (astro.config.mjs). */
declare module 'virtual:pavilion/meeting-strings' {
  const strings: Record<import('./i18n/locales.ts').Locale, import('./lib/island-props.ts').MeetingRequestStrings>;
  export default strings;
}
