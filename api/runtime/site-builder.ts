// Builds the static site from the database into a fresh folder, then switches the served
// folder (a symlink) atomically, so visitors never see a half-built site. A build is
// skipped when neither the catalogue data, the home page's programme figures nor the site's
// source changed since the last one.
import { createHash, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { catalogueFingerprint, programmeFingerprint } from '../repositories/site-fingerprint.ts';
import type { Database } from '../db/schema.ts';
import type { DatabaseHandle } from '../db/database.ts';
import type { Logger } from '../lib/logger.ts';
import type { ComponentState } from '../http/routes/health.ts';

export type SiteState = ComponentState & { builtAt?: string | undefined };

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

/** Runs a Node script; rejects with the tail of its error output when it fails. */
function runChild(script: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { ...opts, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (d: Buffer) => { errors = (errors + d.toString()).slice(-4000); });
    const stop = () => child.kill('SIGTERM');
    process.once('exit', stop); // a build never outlives the hall
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('exit', stop);
      if (code === 0) resolve();
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

type Manifest = { fingerprint: string; builtAt: string; dir: string };

export function createSiteBuilder(opts: {
  db: Kysely<Database>;
  /** How the build process reads the catalogue (see DatabaseHandle.readers). */
  readers: DatabaseHandle['readers'];
  root: string;
  dataDir: string;
  publicUrl: string;
  log: Logger;
}) {
  const siteDir = path.join(opts.dataDir, 'site');
  const current = path.join(siteDir, 'current');
  const manifestFile = path.join(siteDir, 'manifest.json');
  let state: SiteState = { ok: false, status: 'not built' };

  const readManifest = (): Manifest | undefined => {
    try {
      const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
      return fs.existsSync(path.join(current, 'index.html')) ? m : undefined;
    } catch {
      return undefined;
    }
  };

  async function build(fingerprint: string): Promise<void> {
    const id = `${Date.now()}-${randomBytes(3).toString('hex')}`;
    const outDir = path.join(siteDir, 'builds', id);
    // Built in a child process: the hall keeps answering while Astro renders, and nothing a
    // build loads stays in the hall's memory. The build happens in a folder of its own under
    // the project (Astro resolves the bundle's packages from there), then moves into place.
    const staging = path.join(opts.root, '.astro-out', id);
    const snapshot = path.join(siteDir, `snapshot-${id}.tar`);
    try {
      const env: NodeJS.ProcessEnv = { ...process.env };
      if ('url' in opts.readers) env.BUILD_DATABASE_URL = opts.readers.url;
      else {
        fs.writeFileSync(snapshot, Buffer.from(await (await opts.readers.snapshot()).arrayBuffer()));
        env.BUILD_SNAPSHOT = snapshot;
      }
      await runChild(path.join(opts.root, 'api/runtime/site-build-child.ts'), [staging, opts.publicUrl], { cwd: opts.root, env });
      fs.mkdirSync(path.dirname(outDir), { recursive: true });
      moveDir(staging, outDir);
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
      fs.rmSync(snapshot, { force: true });
    }

    const tmp = path.join(siteDir, `current-${id}`);
    fs.symlinkSync(outDir, tmp, 'dir');
    fs.renameSync(tmp, current); // atomic switch
    const manifest: Manifest = { fingerprint, builtAt: new Date().toISOString(), dir: outDir };
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    // Keep the previous build for requests still reading it; drop older ones.
    const builds = fs.readdirSync(path.join(siteDir, 'builds')).sort();
    for (const old of builds.slice(0, -2)) fs.rmSync(path.join(siteDir, 'builds', old), { recursive: true, force: true });
  }

  return {
    /** The folder the server serves; a symlink switched on every build. */
    servedDir: current,
    state: (): SiteState => state,
    /** Builds when data or source changed since the last build; a failure keeps the old site. */
    async ensureBuilt(): Promise<'built' | 'reused' | 'failed'> {
      fs.mkdirSync(siteDir, { recursive: true });
      const fingerprint = createHash('sha256')
        .update(await catalogueFingerprint(opts.db))
        .update(await programmeFingerprint(opts.db))
        .update(sourceFingerprint(opts.root))
        .update(opts.publicUrl)
        .digest('hex');
      const previous = readManifest();
      if (previous?.fingerprint === fingerprint) {
        state = { ok: true, status: 'ready', builtAt: previous.builtAt };
        return 'reused';
      }
      state = { ok: Boolean(previous), status: 'building', builtAt: previous?.builtAt };
      const started = Date.now();
      try {
        await build(fingerprint);
        state = { ok: true, status: 'ready', builtAt: new Date().toISOString() };
        opts.log.info(`Site built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return 'built';
      } catch (err) {
        opts.log.error('Site build failed; the previous site keeps serving', err);
        state = { ok: false, status: 'failed', detail: (err as Error).message, builtAt: previous?.builtAt };
        return 'failed';
      }
    },
  };
}
