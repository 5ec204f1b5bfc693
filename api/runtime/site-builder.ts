// Builds the static site from the database into a fresh folder, then switches the served
// folder (a symlink) atomically, so visitors never see a half-built site. A build is
// skipped when neither the catalogue data, the home page's programme figures nor the site's
// source changed since the last one. When only some products or companies changed, the
// build is incremental (api/site-build/): Astro renders just their pages and the few that
// list them, and the new folder is the previous one with those pages replaced.
import { createHash, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { catalogueFingerprint, programmeFingerprint } from '../repositories/site-fingerprint.ts';
import { readCatalogueDigests } from '../repositories/site-changes.ts';
import { catalogueState, pageFolders, planRebuild, type CatalogueState, type RebuildPlan, type SavedCatalogueState } from '../site-build/changes.ts';
import { linkTree, listFiles, mergeMissing, overlay, removeFolders, removeRootFiles } from '../site-build/overlay.ts';
import type { Database } from '../db/schema.ts';
import type { DatabaseHandle } from '../db/database.ts';
import type { Logger } from '../lib/logger.ts';
import type { ComponentState } from '../http/routes/health.ts';

export type SiteState = ComponentState & { builtAt?: string | undefined };

/** What the last build did: for the log, the tests and bench:build. */
export type BuildReport = {
  mode: 'full' | 'incremental';
  reason: string;
  /** HTML pages Astro rendered (an incremental build keeps the rest from the previous one). */
  pagesRendered: number;
  /** HTML pages in the served folder after the build. */
  pages: number;
  seconds: number;
  /** The build processes' peak memory (their sum when several rendered at once). */
  maxRssMb: number | undefined;
  /** Processes the build rendered in, one after another or `processes` at a time. */
  shards: number;
};

const isPage = (file: string) => file.endsWith('.html');
/** Of Astro's page names, those written as HTML: "" (home), "products/x/" (x/index.html), "404.html"; not "robots.txt" or "sitemap-0.xml". */
const isHtmlPageName = (name: string) => name === '' || name.endsWith('/') || name.endsWith('.html');

/** The HTML pages the build processes say they rendered, each counted once (every shard renders the shared ones). */
function countRenderedPages(pageFiles: string[]): number {
  const names = new Set<string>();
  for (const file of pageFiles) for (const name of fs.readFileSync(file, 'utf8').split('\n')) if (isHtmlPageName(name)) names.add(name);
  return names.size;
}

/** Hash of everything the site build reads besides the database. */
export function sourceFingerprint(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        hash.update(path.relative(root, full));
        hash.update(fs.readFileSync(full));
      }
    }
  };
  walk(path.join(root, 'site'));
  for (const file of ['astro.config.mjs', 'package-lock.json']) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) hash.update(fs.readFileSync(full));
  }
  return hash.digest('hex');
}

/** Runs a Node script; resolves with the tail of its output, rejects with the tail of its error output when it fails. */
function runChild(script: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output = (output + d.toString()).slice(-4000); });
    child.stderr.on('data', (d: Buffer) => { errors = (errors + d.toString()).slice(-4000); });
    const stop = () => child.kill('SIGTERM');
    process.once('exit', stop); // a build never outlives the hall
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('exit', stop);
      if (code === 0) resolve(output);
      else reject(new Error(`Site build process ${signal ? `killed by ${signal}` : `exited with ${code}`}: ${errors.trim()}`));
    });
  });
}

/** Renames, or copies where the two folders are on different file systems. */
function moveDir(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    fs.cpSync(from, to, { recursive: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}

/** The build process's last line of output with BUILD_STATS=1: its peak memory. */
function peakMemoryMb(output: string): number | undefined {
  try {
    return (JSON.parse(output.trim().split('\n').at(-1) ?? '') as { maxRssKb: number }).maxRssKb / 1024;
  } catch {
    return undefined;
  }
}

/**
 * Products per build process at most: a process's memory grows with the pages it renders
 * (about 1.2 GB at 20,000 products on PostgreSQL), so a larger catalogue is built in more
 * shards, not in one larger process. On PGlite each process also loads a snapshot of the
 * whole database, which no shard size bounds (2.4 GB and more at 100,000 products).
 */
export const PRODUCTS_PER_SHARD = 20_000;

/** How many shards a full build of `products` products renders in. */
export function shardCount(products: number, processes: number, perShard = PRODUCTS_PER_SHARD): number {
  return Math.max(processes, Math.ceil(products / perShard));
}

/**
 * Runs the tasks, `limit` at a time. After a failure it starts no more, waits for those
 * running (their processes write into folders the caller removes) and rejects with it.
 */
async function inTurns<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let failure: { reason: unknown } | undefined;
  let next = 0;
  const worker = async () => {
    while (next < tasks.length && !failure) {
      const i = next++;
      try {
        results[i] = await tasks[i]!();
      } catch (reason) {
        failure ??= { reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  if (failure) throw failure.reason;
  return results;
}

/** Writes a file whole or not at all. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${randomBytes(3).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

type Manifest = { fingerprint: string; builtAt: string; dir: string };

export function createSiteBuilder(opts: {
  db: Kysely<Database>;
  /** How the build process reads the catalogue (see DatabaseHandle.readers). */
  readers: DatabaseHandle['readers'];
  root: string;
  dataDir: string;
  publicUrl: string;
  log: Logger;
  /** Build processes run at once in a full build, each rendering a shard of the products and companies (default 1). */
  processes?: number;
  /** Products per shard at most (default PRODUCTS_PER_SHARD). */
  productsPerShard?: number;
}) {
  const siteDir = path.join(opts.dataDir, 'site');
  const current = path.join(siteDir, 'current');
  const manifestFile = path.join(siteDir, 'manifest.json');
  const catalogueFile = path.join(siteDir, 'catalogue.json');
  let state: SiteState = { ok: false, status: 'not built' };
  let lastBuild: BuildReport | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const readManifest = (): Manifest | undefined => {
    try {
      const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
      return fs.existsSync(path.join(current, 'index.html')) ? m : undefined;
    } catch {
      return undefined;
    }
  };

  const readCatalogueState = (): SavedCatalogueState | undefined => {
    try {
      return JSON.parse(fs.readFileSync(catalogueFile, 'utf8')) as SavedCatalogueState;
    } catch {
      return undefined;
    }
  };

  async function build(fingerprint: string, plan: RebuildPlan, next: CatalogueState): Promise<Omit<BuildReport, 'seconds'>> {
    const id = `${Date.now()}-${randomBytes(3).toString('hex')}`;
    const outDir = path.join(siteDir, 'builds', id);
    // Built in a child process: the hall keeps answering while Astro renders, and nothing a
    // build loads stays in the hall's memory. The build happens in a folder of its own under
    // the project (Astro resolves the bundle's packages from there), then moves into place.
    const staging = path.join(opts.root, '.astro-out', id);
    const snapshot = path.join(siteDir, `snapshot-${id}.tar`);
    const previousDir = plan.kind === 'incremental' ? fs.realpathSync(current) : undefined;
    let pagesRendered = 0;
    let maxRssMb: number | undefined;
    // A full build splits its products and companies into shards (site/lib/build-scope.ts),
    // each rendered by a process of its own, `processes` at a time; their folders merge into
    // the first's.
    const processes = Math.max(1, opts.processes ?? 1);
    const shards = plan.kind === 'full' ? shardCount(Object.keys(next.products).length, processes, opts.productsPerShard) : 1;
    const shardDirs = Array.from({ length: shards }, (_, i) => (i === 0 ? staging : `${staging}-${i}`));
    const scopeFiles = shardDirs.map((_, i) => path.join(siteDir, `scope-${id}-${i}.json`));
    const pageFiles = shardDirs.map((_, i) => path.join(siteDir, `pages-${id}-${i}.txt`));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, BUILD_STATS: '1' };
      if ('url' in opts.readers) env.BUILD_DATABASE_URL = opts.readers.url;
      else {
        fs.writeFileSync(snapshot, Buffer.from(await (await opts.readers.snapshot()).arrayBuffer()));
        env.BUILD_SNAPSHOT = snapshot;
      }
      const scopes = plan.kind === 'incremental' ? [plan.render] : shards > 1 ? shardDirs.map((_, shard) => ({ shard, shards })) : [undefined];
      const outputs = await inTurns(scopes.map((scope, i) => () => {
        if (scope) fs.writeFileSync(scopeFiles[i]!, JSON.stringify(scope));
        const childEnv = { ...env, BUILD_PAGES_FILE: pageFiles[i], ...(scope ? { BUILD_SCOPE: scopeFiles[i] } : {}) };
        return runChild(path.join(opts.root, 'api/runtime/site-build-child.ts'), [shardDirs[i]!, opts.publicUrl], { cwd: opts.root, env: childEnv });
      }), processes);
      const peaks = outputs.map(peakMemoryMb);
      // At most `processes` run at once: the sum of the largest that many peaks bounds the build's.
      maxRssMb = peaks.includes(undefined) ? undefined : (peaks as number[]).sort((a, b) => b - a).slice(0, processes).reduce((a, b) => a + b, 0);
      for (const dir of shardDirs.slice(1)) mergeMissing(dir, staging);
      pagesRendered = countRenderedPages(pageFiles);
      fs.mkdirSync(path.dirname(outDir), { recursive: true });
      if (previousDir && plan.kind === 'incremental') {
        try {
          // The previous build, less the pages this one replaces or drops, plus what it rendered.
          linkTree(previousDir, outDir);
          removeFolders(outDir, pageFolders(plan.remove));
          removeRootFiles(outDir, /^sitemap-\d+\.xml$/);
          overlay(staging, outDir);
        } catch (err) {
          fs.rmSync(outDir, { recursive: true, force: true });
          throw err;
        }
      } else moveDir(staging, outDir);
    } finally {
      for (const dir of shardDirs) fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(snapshot, { force: true });
      for (const file of [...scopeFiles, ...pageFiles]) fs.rmSync(file, { force: true });
    }

    const tmp = path.join(siteDir, `current-${id}`);
    fs.symlinkSync(outDir, tmp, 'dir');
    fs.renameSync(tmp, current); // atomic switch
    // What this build was made from, for the next one to compare with; it names the folder it
    // describes, so a state that does not match the served site is never trusted.
    writeAtomically(catalogueFile, JSON.stringify({ ...next, dir: outDir } satisfies SavedCatalogueState));
    const manifest: Manifest = { fingerprint, builtAt: new Date().toISOString(), dir: outDir };
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    // Keep the previous build for requests still reading it; drop older ones.
    const builds = fs.readdirSync(path.join(siteDir, 'builds')).sort();
    for (const old of builds.slice(0, -2)) fs.rmSync(path.join(siteDir, 'builds', old), { recursive: true, force: true });
    // A full build rendered every page it serves (a walk over 300,000 files costs seconds).
    const pages = plan.kind === 'full' ? pagesRendered : listFiles(outDir).filter(isPage).length;
    return { mode: plan.kind, reason: plan.reason, pagesRendered, pages, maxRssMb, shards };
  }

  async function ensureBuilt(): Promise<'built' | 'reused' | 'failed'> {
    fs.mkdirSync(siteDir, { recursive: true });
    const source = createHash('sha256').update(sourceFingerprint(opts.root)).update(opts.publicUrl).digest('hex');
    const fingerprint = createHash('sha256')
      .update(await catalogueFingerprint(opts.db))
      .update(await programmeFingerprint(opts.db))
      .update(source)
      .digest('hex');
    const previous = readManifest();
    if (previous?.fingerprint === fingerprint) {
      state = { ok: true, status: 'ready', builtAt: previous.builtAt };
      return 'reused';
    }
    state = { ok: Boolean(previous), status: 'building', builtAt: previous?.builtAt };
    const started = Date.now();
    try {
      // Read before the build reads the catalogue: a change landing in between is in the
      // build's pages or not, but in any case differs from these digests next time.
      const next = catalogueState(await readCatalogueDigests(opts.db), source);
      const plan = planRebuild(previous && readCatalogueState(), next, previous && fs.realpathSync(current));
      const report = await build(fingerprint, plan, next);
      lastBuild = { ...report, seconds: (Date.now() - started) / 1000 };
      state = { ok: true, status: 'ready', builtAt: new Date().toISOString() };
      opts.log.info(`Site built in ${lastBuild.seconds.toFixed(1)} s (${plan.kind}: ${plan.reason}; ${report.pagesRendered} of ${report.pages} pages rendered)`);
      return 'built';
    } catch (err) {
      opts.log.error('Site build failed; the previous site keeps serving', err);
      state = { ok: false, status: 'failed', detail: (err as Error).message, builtAt: previous?.builtAt };
      return 'failed';
    }
  }

  return {
    /** The folder the server serves; a symlink switched on every build. */
    servedDir: current,
    state: (): SiteState => state,
    /** What the last build in this process did; undefined before one. */
    lastBuild: (): BuildReport | undefined => lastBuild,
    /**
     * Builds when data or source changed since the last build; a failure keeps the old site.
     * Calls wait for each other: two builds never start from the same previous folder.
     */
    ensureBuilt(): Promise<'built' | 'reused' | 'failed'> {
      const result = running.then(ensureBuilt, ensureBuilt);
      running = result;
      return result;
    },
  };
}
