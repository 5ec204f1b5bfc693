// A hall of a test's own, for what needs a meeting that has already begun (recording its
// outcome): the same `node api/runtime/start.ts` the other tests use, started with the
// hall's own settings for no minimum notice and 10-minute slots (MIN_NOTICE_MINUTES=0,
// SLOT_MINUTES=10) on a demo programme whose rooms are always open (short-notice-hall-data.ts).
// The clock is the real one: nothing in the server is faked, so a test books the next slot
// (at most ten minutes ahead) and waits for it to begin.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../api/test-support/api-processes.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export type Hall = { url: string; stop: () => Promise<void> };

function run(child: ChildProcess, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} exited with ${code}`))));
  });
}

export async function startShortNoticeHall(): Promise<Hall> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-short-notice-'));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const env = {
    ...process.env, PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: url, LOG_LEVEL: 'warn', RATE_LIMIT_WRITES: '600', RATE_LIMIT_SIGN_INS: '600',
    MIN_NOTICE_MINUTES: '0', SLOT_MINUTES: '10', DATABASE_URL: '',
  };
  const output: string[] = [];
  const keep = (chunk: Buffer) => { output.push(chunk.toString()); if (output.length > 200) output.shift(); };

  const prepare = spawn(process.execPath, [path.join(root, 'tests/e2e/short-notice-hall-data.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  prepare.stdout!.on('data', keep);
  prepare.stderr!.on('data', keep);
  await run(prepare, 'preparing the short-notice hall').catch((err) => { throw new Error(`${(err as Error).message}\n${output.join('')}`); });

  const hall = spawn(process.execPath, [path.join(root, 'api/runtime/start.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  hall.stdout!.on('data', keep);
  hall.stderr!.on('data', keep);
  let exited = false;
  hall.on('exit', () => { exited = true; });
  const stop = async () => {
    if (!exited) {
      const gone = once(hall, 'exit');
      hall.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 15_000))]);
      if (!exited) hall.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 240_000;
  for (;;) {
    if (exited) throw new Error(`The short-notice hall stopped while starting:\n${output.join('')}`);
    // The hall listens once its site is built and search is up: any answer means ready.
    const ok = await fetch(`${url}/api/health`).then(() => true, () => false);
    if (ok) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The short-notice hall did not start in 4 minutes:\n${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
