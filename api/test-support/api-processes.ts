// Starts real API processes (api/runtime/api-server.ts) on one PostgreSQL database.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../runtime/api-server.ts', import.meta.url));

/** A port nobody listens on now, for a child process to take. */
export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

export type ApiProcess = { url: string; child: ChildProcess; dataDir: string; stop: () => Promise<void> };

/** `logFile`: where its output goes (default: this process's own output). */
export async function startApiProcess(databaseUrl: string, env: Record<string, string> = {}, opts: { logFile?: string } = {}): Promise<ApiProcess> {
  const port = await freePort();
  // Its own data folder: the development outbox must not land in the working tree.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-api-'));
  const out = opts.logFile ? fs.openSync(opts.logFile, 'a') : 'inherit';
  const child = spawn(process.execPath, [entry], {
    // Load tools: one client address sends everything, so the per-client limits are off.
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn', DATA_DIR: dataDir, RATE_LIMIT_WRITES: '0', RATE_LIMIT_READS: '0', ...env },
    stdio: ['ignore', out, out],
  });
  if (typeof out === 'number') fs.closeSync(out); // the child has its own copy
  const url = `http://127.0.0.1:${port}/api`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`API process exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 200) throw new Error('API process did not come up in 20 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    dataDir,
    stop: async () => {
      // Not if it is gone already (a fault test may have killed it).
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
