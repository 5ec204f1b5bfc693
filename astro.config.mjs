// @ts-check
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import react from '@astrojs/react';

/**
 * The portal and moderation islands validate with zod, which probes `new Function` to decide
 * whether it may compile fast parsers. Under the CSP below that probe is refused and reported
 * as a violation (harmlessly caught, but noise in every report). Its jitless mode skips the
 * probe; set it before any island's code loads (Astro imports before-hydration scripts first).
 * @returns {import('astro').AstroIntegration}
 */
function zodWithoutEval() {
  return {
    name: 'pavilion:zod-without-eval',
    hooks: {
      'astro:config:setup': ({ injectScript }) => {
        injectScript('before-hydration', 'globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig ?? {}, { jitless: true });');
      },
    },
  };
}

/**
 * The meeting form's words in every locale (site/lib/island-props.ts) as a module the island
 * imports: computed here, in Node, with the same Intl the server render uses, and bundled
 * once with the island instead of serialized into the props of every product and company
 * page (some 5 KB of each page's HTML, and a measurable part of the build's time).
 * @returns {import('vite').Plugin}
 */
function meetingStrings() {
  const id = 'virtual:pavilion/meeting-strings';
  let root = process.cwd();
  return {
    name: 'pavilion:meeting-strings',
    configResolved(config) { root = config.root; },
    resolveId(source) { return source === id ? `\0${id}` : undefined; },
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const from = (/** @type {string} */ file) => import(pathToFileURL(path.join(root, file)).href);
      for (const file of ['en', 'ko', 'ja', 'zh', 'ru', 'vi']) this.addWatchFile(path.join(root, `site/i18n/${file}.json`));
      const { meetingRequestStrings } = await from('site/lib/island-props.ts');
      const { locales } = await from('site/i18n/locales.ts');
      return `export default ${JSON.stringify(Object.fromEntries(locales.map((/** @type {string} */ l) => [l, meetingRequestStrings(l)])))};`;
    },
  };
}

// The site is static HTML built from PostgreSQL (see site/lib/catalogue.ts). The output
// folder is chosen by whoever builds: api/runtime/site-builder.ts builds into a fresh
// folder and switches the served one atomically.
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  output: 'static',
  trailingSlash: 'always',
  // Eight pages in flight at once: rendered one at a time, the build spent a quarter of its
  // time waiting for each page's folder and file to be written (bench:build, 2,000 products:
  // 20-31 s one at a time, 16.7 s with eight).
  build: { format: 'directory', concurrency: 8 },
  // The buyer's meeting form is Preact (light enough to hydrate above the fold of every
  // product page); the portal, control tower and search islands are React.
  integrations: [preact({ include: ['**/MeetingRequest.tsx'] }), react({ exclude: ['**/MeetingRequest.tsx'] }), zodWithoutEval()],
  devToolbar: { enabled: false },
  // No Markdown pages here; Shiki's inline styles would also clash with the CSP below.
  markdown: { syntaxHighlight: false },
  // Content-Security-Policy as a <meta http-equiv> on every page (Astro's built-in CSP): Astro
  // hashes the scripts and styles it emits (the island loader, the hydration directives,
  // inlined CSS) into script-src and style-src, so no inline script runs without its hash and
  // nothing needs 'unsafe-inline'. Everything else comes from this origin: the islands' code,
  // their API calls (/api/...), product pictures and logos (/api/media/...). JSON-LD is a data
  // block, which CSP does not govern. frame-ancestors cannot be set from a <meta>; the
  // server's X-Frame-Options: DENY covers framing.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "worker-src 'none'",
      ],
    },
  },
  vite: {
    plugins: [meetingStrings()],
    // Database drivers run at build time in Node only; never bundle them.
    ssr: { external: ['pg', '@electric-sql/pglite', 'kysely'] },
  },
});
