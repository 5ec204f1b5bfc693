// Meilisearch 1.21 does NOT lock its database folder: a second server on the same
// --db-path starts happily and the two corrupt each other's task queue. So we keep our
// own lock file, naming the Node process that owns the engine and the engine's pid.
// A lock whose owner died while its child lives on (the owner was SIGKILLed, so its
// exit hook never ran) is reported, not taken over: that orphan still writes the data.
import fs from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from '../api/lib/process.ts';

type LockContent = { ownerPid: number; childPid?: number };

export class SearchEngineLockedError extends Error {}

export type EngineLock = {
  /** Records the engine's pid so a later run can recognise an orphan. */
  setChild(pid: number): void;
  release(): void;
};


/** A live pid that is really a Meilisearch (pids get reused); without /proc, assume so. */
function aliveMeilisearch(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('meilisearch');
  } catch {
    return process.platform !== 'linux';
  }
}

function readLock(file: string): LockContent | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as LockContent;
    return Number.isInteger(parsed.ownerPid) ? parsed : undefined;
  } catch {
    return undefined; // unreadable or half-written: treat as stale
  }
}

export function lockEngineDir(dir: string): EngineLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'engine.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ ownerPid: process.pid }), { flag: 'wx', mode: 0o600 });
      let released = false;
      return {
        setChild(pid) {
          if (!released) fs.writeFileSync(file, JSON.stringify({ ownerPid: process.pid, childPid: pid }));
        },
        release() {
          if (released) return;
          released = true;
          fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const held = readLock(file);
      if (held && isProcessAlive(held.ownerPid)) {
        throw new SearchEngineLockedError(
          `The search data folder ${dir} is in use by process ${held.ownerPid}` +
            `${held.ownerPid === process.pid ? ' (this process: stop the running engine first)' : ''}.`,
        );
      }
      if (held?.childPid && aliveMeilisearch(held.childPid)) {
        throw new SearchEngineLockedError(
          `A Meilisearch process (pid ${held.childPid}) left over from a previous run still uses ${dir}. ` +
            `Stop it first (kill ${held.childPid}), then start again.`,
        );
      }
      fs.rmSync(file, { force: true }); // stale: owner and engine are both gone
    }
  }
  throw new SearchEngineLockedError(`Could not lock ${dir}`);
}
