// The new folder of an incremental build is made from the previous one without ever
// changing the previous one, which may still be serving requests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { linkTree, listFiles, mergeMissing, overlay, removeFolders, removeRootFiles } from './overlay.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-overlay-'));
  dirs.push(d);
  return d;
};
const write = (dir: string, file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('linkTree, removeFolders, overlay', () => {
  it('makes the next build from the previous one and leaves the previous one as it was', () => {
    const root = tmp();
    const previous = path.join(root, 'previous');
    const next = path.join(root, 'next');
    const staging = path.join(root, 'staging');
    write(previous, 'index.html', 'home v1');
    write(previous, 'products/a/index.html', 'a v1');
    write(previous, 'ko/products/a/index.html', 'a ko v1');
    write(previous, 'products/b/index.html', 'b v1');
    write(previous, 'sitemap.xml', 'map v1');
    write(previous, 'sitemap-1.xml', 'part 1');
    write(previous, '_astro/app.js', 'code');
    write(staging, 'index.html', 'home v2');
    write(staging, 'products/a/index.html', 'a v2');
    write(staging, 'sitemap.xml', 'map v2');
    write(staging, '_astro/app.js', 'code');

    linkTree(previous, next);
    expect(fs.statSync(path.join(next, 'products/b/index.html')).ino).toBe(fs.statSync(path.join(previous, 'products/b/index.html')).ino);
    removeFolders(next, ['products/a', 'ko/products/a', 'companies/none']);
    removeRootFiles(next, /^sitemap-\d+\.xml$/);
    expect(overlay(staging, next)).toBe(4);

    expect(listFiles(next).sort()).toEqual(['_astro/app.js', 'index.html', 'products/a/index.html', 'products/b/index.html', 'sitemap.xml']);
    expect(read(next, 'index.html')).toBe('home v2');
    expect(read(next, 'products/a/index.html')).toBe('a v2');
    expect(read(next, 'products/b/index.html')).toBe('b v1');
    // The previous build is untouched, the replaced files included (they were links).
    expect(listFiles(previous).sort()).toEqual([
      '_astro/app.js', 'index.html', 'ko/products/a/index.html', 'products/a/index.html', 'products/b/index.html', 'sitemap-1.xml', 'sitemap.xml',
    ]);
    expect(read(previous, 'index.html')).toBe('home v1');
    expect(read(previous, 'products/a/index.html')).toBe('a v1');
    expect(read(previous, 'sitemap.xml')).toBe('map v1');
  });
});

describe('mergeMissing', () => {
  it("adds a shard's own pages to the first shard's folder and keeps the first's copy of what both made", () => {
    const first = tmp();
    const second = tmp();
    write(first, 'index.html', 'home from shard 0');
    write(first, '_astro/app.js', 'bundle');
    write(first, 'products/a/index.html', 'a');
    write(second, 'index.html', 'home from shard 1');
    write(second, '_astro/app.js', 'bundle');
    write(second, 'products/b/index.html', 'b');
    write(second, 'ko/products/b/index.html', 'b in Korean');
    write(second, 'products/a/index.html', 'a again');
    // products/b and ko move as whole folders; products/a and the rest stay the first's.
    expect(mergeMissing(second, first)).toBe(2);
    expect(listFiles(first).sort()).toEqual(['_astro/app.js', 'index.html', 'ko/products/b/index.html', 'products/a/index.html', 'products/b/index.html']);
    expect(read(first, 'products/a/index.html')).toBe('a');
    expect(read(first, 'index.html')).toBe('home from shard 0');
    expect(read(first, 'ko/products/b/index.html')).toBe('b in Korean');
  });
});
