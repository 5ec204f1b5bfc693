// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';

// The site is static HTML built from PostgreSQL (see site/lib/catalogue.ts). The output
// folder is chosen by whoever builds: api/runtime/site-builder.ts builds into a fresh
// folder and switches the served one atomically.
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [react()],
  devToolbar: { enabled: false },
  vite: {
    // Database drivers run at build time in Node only; never bundle them.
    ssr: { external: ['pg', '@electric-sql/pglite', 'kysely'] },
  },
});
