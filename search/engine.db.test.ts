// The engine's life cycle against the real binary: start, key reuse, locking, stop.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchClient } from './client.ts';
import { SearchEngineLockedError } from './engine-lock.ts';
import { ensureExecutable, isSearchOff, startSearchEngine, type SearchEngine } from './engine.ts';

const silent = { info: () => {}, warn: () => {} };
const tempDirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-engine-'));
  tempDirs.push(dir);
  return dir;
};
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function start(dataDir: string): Promise<SearchEngine> {
  const engine = await startSearchEngine({ dataDir, log: silent });
  if (isSearchOff(engine)) throw new Error(`These tests need the engine: ${engine.reason}`);
  return engine;
}

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('startSearchEngine', () => {
  let dataDir: string;
  let engine: SearchEngine;
  beforeAll(async () => {
    dataDir = tempDir();
    engine = await start(dataDir);
  }, 60_000);
  afterAll(() => engine?.stop());

  it('runs a healthy engine on loopback with a generated key', async () => {
    expect(engine).toMatchObject({ managed: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    expect(engine.masterKey).toMatch(/^[\w-]{43}$/);
    const keyFile = path.join(dataDir, 'meili', 'master-key');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(keyFile, 'utf8').trim()).toBe(engine.masterKey);
    expect(await createSearchClient(engine).isHealthy()).toBe(true);
    // Production mode: nothing without the key.
    expect((await fetch(`${engine.url}/indexes`)).status).toBe(401);
    // The key is not on the command line, where any local user could read it.
    expect(fs.readFileSync(`/proc/${engine.pid}/cmdline`, 'utf8')).not.toContain(engine.masterKey!);
    expect(fs.existsSync(path.join(dataDir, 'meili', 'data'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'meili', 'meilisearch.log'))).toBe(true);
  });

  it('refuses a second engine on the same data folder', async () => {
    await expect(startSearchEngine({ dataDir, log: silent })).rejects.toThrow(SearchEngineLockedError);
  });

  it('reports a Meilisearch left over by a crashed run', async () => {
    const lockFile = path.join(dataDir, 'meili', 'engine.lock');
    const original = fs.readFileSync(lockFile, 'utf8');
    // As if our owner had been SIGKILLed: its pid is gone, its child still runs.
    fs.writeFileSync(lockFile, JSON.stringify({ ownerPid: 2 ** 22 + 1, childPid: engine.pid }));
    try {
      await expect(startSearchEngine({ dataDir, log: silent })).rejects.toThrow(
        new RegExp(`Meilisearch process \\(pid ${engine.pid}\\) left over`),
      );
    } finally {
      fs.writeFileSync(lockFile, original);
    }
  });

  it('uses an existing server when given its URL', async () => {
    const external = await startSearchEngine({ dataDir: tempDir(), url: `${engine.url}/`, masterKey: engine.masterKey, log: silent });
    expect(external).toMatchObject({ managed: false, url: engine.url, pid: undefined });
    await (external as SearchEngine).stop(); // does not touch the server
    expect(await createSearchClient(engine).isHealthy()).toBe(true);
    await expect(
      startSearchEngine({ dataDir: tempDir(), url: engine.url, masterKey: 'wrong-key-wrong-key', log: silent }),
    ).rejects.toThrow(/rejected the configured master key/);
  });
});

describe('stop and restart', () => {
  it('ends the child on stop() and reuses the master key and data on the next start', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    await createSearchClient(first).createIndex('kept').waitTask();
    await first.stop();
    expect(isAlive(first.pid!)).toBe(false);
    expect(() => process.kill(first.pid!, 0)).toThrow();
    expect(fs.existsSync(path.join(dataDir, 'meili', 'engine.lock'))).toBe(false);
    await first.stop(); // twice is harmless

    const second = await start(dataDir);
    try {
      expect(second.masterKey).toBe(first.masterKey);
      expect(second.pid).not.toBe(first.pid);
      const { results } = await createSearchClient(second).getRawIndexes();
      expect(results.map((i) => i.uid)).toEqual(['kept']);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('dies with the process that started it, even one killed outright', async () => {
    const dataDir = tempDir();
    const script = `import { startSearchEngine } from ${JSON.stringify(new URL('./engine.ts', import.meta.url).href)};
      const e = await startSearchEngine({ dataDir: ${JSON.stringify(dataDir)}, log: { info() {}, warn() {} } });
      process.stdout.write(String(e.pid) + '\\n'); setInterval(() => {}, 1000);`;
    const { spawn } = await import('node:child_process');
    const parent = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve, reject) => {
      parent.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
      parent.once('exit', (code) => reject(new Error(`parent exited ${code}`)));
    });
    expect(isAlive(pid)).toBe(true);
    parent.kill('SIGKILL');
    for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(isAlive(pid)).toBe(false);
  }, 60_000);

  it('fails with the log tail when the engine cannot start', async () => {
    const dataDir = tempDir();
    await expect(
      startSearchEngine({ dataDir, masterKey: 'short', log: silent }),
    ).rejects.toThrow(/at least 16 bytes/);
    // A "binary" that exits at once: the error carries its output.
    const fake = path.join(dataDir, 'fake-meilisearch');
    fs.writeFileSync(fake, '#!/bin/sh\necho "boom: cannot open database" >&2\nexit 3\n', { mode: 0o755 });
    await expect(startSearchEngine({ dataDir, bin: fake, log: silent })).rejects.toThrow(
      /exited with code 3 during start-up[\s\S]*boom: cannot open database/,
    );
    expect(fs.existsSync(path.join(dataDir, 'meili', 'engine.lock'))).toBe(false);
  });
});

describe('binary', () => {
  it('is off, not an error, when the binary is missing', async () => {
    const warnings: string[] = [];
    const result = await startSearchEngine({
      dataDir: tempDir(), bin: '/nonexistent/meilisearch', log: { info: () => {}, warn: (m) => warnings.push(m) },
    });
    expect(result).toEqual({ off: true, reason: expect.stringContaining('/nonexistent/meilisearch') });
    expect(warnings).toHaveLength(1);
  });

  it('sets the execute bit the npm tarball drops', () => {
    const dir = tempDir();
    const file = path.join(dir, 'meilisearch');
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o644 });
    expect(ensureExecutable(file, path.join(dir, 'bin'))).toBe(file);
    expect(fs.statSync(file).mode & 0o111).not.toBe(0);
  });

  it('runs a copy when node_modules is read-only', () => {
    const dir = tempDir();
    const file = path.join(dir, 'meilisearch');
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o644 });
    const readOnly = (f: string, mode: number) => {
      if (f === file) throw Object.assign(new Error('EROFS'), { code: 'EROFS' });
      fs.chmodSync(f, mode);
    };
    const copy = ensureExecutable(file, path.join(dir, 'bin'), readOnly);
    expect(copy).toBe(path.join(dir, 'bin', 'meilisearch'));
    expect(fs.statSync(copy).mode & 0o777).toBe(0o755);
    const mtime = fs.statSync(copy).mtimeMs;
    expect(ensureExecutable(file, path.join(dir, 'bin'), readOnly)).toBe(copy); // not copied again
    expect(fs.statSync(copy).mtimeMs).toBe(mtime);
  });
});
