// The whole hall (`node api/runtime/start.ts`: site, API, search engine, workers) as a child
// process on a PostgreSQL database of the caller's, for the load test. It is ready when its
// health says the database, search and site are all up. Everything it prints is kept in
// `logFile` (in its data folder) for the personal-data sweep.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../api/test-support/api-processes.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export type HallProcess = { url: string; pid: number; dataDir: string; logFile: string; stop: () => Promise<void> };

export async function startHallProcess(databaseUrl: string, env: Record<string, string> = {}, timeoutMs = 480_000): Promise<HallProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-load-hall-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'api/runtime/start.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url,
      DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logFile = path.join(dataDir, 'hall.log');
  const log = fs.createWriteStream(logFile);
  const output: string[] = [];
  const keep = (chunk: Buffer) => { log.write(chunk); output.push(chunk.toString()); if (output.length > 200) output.shift(); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  child.on('exit', () => { exited = true; });
  const stop = async () => {
    if (!exited) {
      const gone = once(child, 'exit');
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 15_000))]);
      if (!exited) child.kill('SIGKILL');
    }
    log.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`The hall stopped while starting:\n${output.join('')}`);
    const health = await fetch(`${url}/api/health`).then((r) => r.json() as Promise<{ status?: string }>, () => undefined);
    if (health?.status === 'ok') return { url, pid: child.pid!, dataDir, logFile, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The hall did not start in ${timeoutMs / 1000} s:\n${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
