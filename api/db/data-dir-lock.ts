// PGlite has no lock of its own and two processes opening one data folder corrupt it.
// An exclusive lock file holding our pid guards it; a lock left by a dead process is taken over.
import fs from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from '../lib/process.ts';

export class DataDirLockedError extends Error {}


export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'pavilion.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isProcessAlive(owner)) {
        throw new DataDirLockedError(
          `The database folder ${dir} is in use by process ${owner}. Stop it first, or set DATA_DIR or DATABASE_URL.`,
        );
      }
      fs.rmSync(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new DataDirLockedError(`Could not lock ${dir}`);
}
