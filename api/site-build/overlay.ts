// An incremental build's new folder: the previous build as hard links (instant, no extra
// disk), its stale pages removed, the freshly rendered ones moved in. The previous folder
// stays untouched for the requests still reading it: a file is always replaced by a new
// directory entry, never written through a link the two folders share.
import fs from 'node:fs';
import path from 'node:path';

/** Files under `dir`, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** A copy of `from` at `to` (which must not exist) made of hard links, or copies where linking is refused. */
export function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dest = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(src, dest);
    else {
      try {
        fs.linkSync(src, dest);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw err;
        fs.copyFileSync(src, dest);
      }
    }
  }
}

/** Deletes folders given relative to `dir`; missing ones are fine. */
export function removeFolders(dir: string, folders: Iterable<string>): void {
  for (const folder of folders) fs.rmSync(path.join(dir, folder), { recursive: true, force: true });
}

/** Deletes the root files whose names match (the split sitemap's parts, whose number may change). */
export function removeRootFiles(dir: string, name: RegExp): void {
  for (const f of fs.readdirSync(dir)) if (name.test(f)) fs.rmSync(path.join(dir, f), { force: true });
}

/** Moves every file of `from` into `to`, replacing what is there. Returns the files moved. */
export function overlay(from: string, to: string): number {
  const files = listFiles(from);
  for (const file of files) {
    const src = path.join(from, file);
    const dest = path.join(to, file);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.rmSync(dest, { force: true }); // unlink first: writing into `dest` would change the previous build's file too
    try {
      fs.renameSync(src, dest);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      fs.copyFileSync(src, dest);
    }
  }
  return files.length;
}

/**
 * Moves what `from` has and `to` lacks into it; returns how many entries moved (a folder
 * counts once). The shards of a full build each render their own pages, and all of them the
 * shared assets and the few pages every build makes (home, sitemap): the first shard's copies
 * stay. A folder `to` lacks moves whole (one rename for a page's folder, not one per file).
 */
export function mergeMissing(from: string, to: string): number {
  let moved = 0;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dest = path.join(to, entry.name);
    const there = fs.lstatSync(dest, { throwIfNoEntry: false });
    if (!there) {
      fs.renameSync(src, dest);
      moved++;
    } else if (entry.isDirectory() && there.isDirectory()) moved += mergeMissing(src, dest);
  }
  return moved;
}
