import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileImageStore, newStorageKey, STORAGE_KEY_PATTERN, storeProcessedImage, VARIANT_NAME_PATTERN, type ImageStore } from './store.ts';
import { processImage, type ProcessedImage } from './process.ts';
import { photoLike } from './test-images.ts';

let parent: string;
let root: string;
beforeEach(() => {
  // The store's root sits inside a folder of its own, so a stray write beside it would show.
  parent = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-images-'));
  root = path.join(parent, 'images');
});
afterEach(() => fs.rmSync(parent, { recursive: true, force: true }));

const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))) : [];
const bytes = (s: string) => new TextEncoder().encode(s);

describe('storage keys', () => {
  it('are 128 random bits in hex, never repeated', () => {
    const keys = Array.from({ length: 2000 }, newStorageKey);
    for (const key of keys) expect(key).toMatch(STORAGE_KEY_PATTERN);
    expect(new Set(keys).size).toBe(keys.length);
    // Every hex digit turns up in every position: not a counter or a timestamp.
    for (let i = 0; i < 32; i++) expect(new Set(keys.map((k) => k[i])).size).toBe(16);
  });
});

describe('fileImageStore', () => {
  it('writes variants under generated names and reads them back with their content type', async () => {
    const store = fileImageStore(root);
    const key = newStorageKey();
    expect(await store.put(key, { format: 'avif', width: 640, data: bytes('avif bytes') })).toBe('640.avif');
    expect(await store.put(key, { format: 'webp', width: 640, data: bytes('webp bytes') })).toBe('640.webp');
    expect(await store.put(key, { format: 'jpeg', width: 960, data: bytes('jpeg bytes') })).toBe('960.jpg');

    expect(await store.get(key, '640.avif')).toEqual({ data: Buffer.from('avif bytes'), contentType: 'image/avif' });
    expect(await store.get(key, '640.webp')).toMatchObject({ contentType: 'image/webp' });
    expect(await store.get(key, '960.jpg')).toMatchObject({ contentType: 'image/jpeg' });
    expect(await store.get(key, '320.avif')).toBeNull();
    expect(await store.get(newStorageKey(), '640.avif')).toBeNull();
    expect(filesUnder(root).sort()).toEqual([`${key.slice(0, 2)}/${key}/640.avif`, `${key.slice(0, 2)}/${key}/640.webp`, `${key.slice(0, 2)}/${key}/960.jpg`]);
  });

  it('deletes all of an image, and deleting twice is fine', async () => {
    const store = fileImageStore(root);
    const [kept, gone] = [newStorageKey(), newStorageKey()];
    await store.put(kept, { format: 'avif', width: 320, data: bytes('a') });
    await store.put(gone, { format: 'avif', width: 320, data: bytes('b') });
    await store.put(gone, { format: 'webp', width: 320, data: bytes('c') });
    await store.delete(gone);
    await store.delete(gone);
    expect(await store.get(gone, '320.avif')).toBeNull();
    expect(filesUnder(root)).toEqual([`${kept.slice(0, 2)}/${kept}/320.avif`]);
  });

  it('refuses keys and widths it did not make, and never writes outside its root', async () => {
    const store = fileImageStore(root);
    const badKeys = ['../../etc', '..', '.', '', '/etc/passwd', 'A'.repeat(32), `${newStorageKey()}/..`, `${newStorageKey()}0`, newStorageKey().slice(1), '%2e%2e'];
    for (const key of badKeys) {
      await expect(store.put(key, { format: 'avif', width: 320, data: bytes('x') })).rejects.toThrow(RangeError);
      expect(await store.get(key, '320.avif')).toBeNull();
      await expect(store.delete(key)).rejects.toThrow(RangeError);
    }
    for (const width of [0, -1, 1.5, Number.NaN, Infinity, 100_000]) {
      await expect(store.put(newStorageKey(), { format: 'avif', width, data: bytes('x') })).rejects.toThrow(RangeError);
    }
    await expect(store.put(newStorageKey(), { format: 'svg' as 'avif', width: 320, data: bytes('x') })).rejects.toThrow(RangeError);

    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 80 }), fc.string({ maxLength: 40 }), async (key, name) => {
      fc.pre(!STORAGE_KEY_PATTERN.test(key));
      await expect(store.put(key, { format: 'webp', width: 320, data: bytes('x') })).rejects.toThrow();
      expect(await store.get(key, name)).toBeNull();
    }), { numRuns: 300 });
    expect(fs.readdirSync(parent)).toEqual([]); // not even the root: nothing was ever written
  });

  it('writes atomically: a reader polling meanwhile sees the whole variant or nothing, and no temporary file is left', async () => {
    const store = fileImageStore(root);
    const key = newStorageKey();
    const data = new Uint8Array(8 * 1024 * 1024).fill(7);
    let reading = true;
    const seen: number[] = [];
    const reader = (async () => {
      while (reading) {
        const file = await store.get(key, '1600.webp');
        if (file) seen.push(file.data.length);
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let round = 0; round < 4; round++) await store.put(key, { format: 'webp', width: 1600, data });
    reading = false;
    await reader;
    for (const length of seen) expect(length).toBe(data.length);
    expect(filesUnder(root)).toEqual([`${key.slice(0, 2)}/${key}/1600.webp`]);
  });

  it('serves nothing from a temporary file a crash might leave behind', async () => {
    const store = fileImageStore(root);
    const key = newStorageKey();
    fs.mkdirSync(path.join(root, key.slice(0, 2), key), { recursive: true });
    fs.writeFileSync(path.join(root, key.slice(0, 2), key, '.640.avif.0123456789ab.tmp'), 'half');
    expect(await store.get(key, '.640.avif.0123456789ab.tmp')).toBeNull();
    expect(await store.get(key, '640.avif')).toBeNull();
    expect(VARIANT_NAME_PATTERN.test('.640.avif.0123456789ab.tmp')).toBe(false);
  });
});

describe('storeProcessedImage', () => {
  it('stores every variant under one new key and returns the product_images row', async () => {
    const processed = await processImage(await photoLike(700, 350).jpeg().toBuffer());
    if (!processed.ok) throw new Error(processed.message);
    const store = fileImageStore(root);
    const row = await storeProcessedImage(store, processed);

    expect(row.storageKey).toMatch(STORAGE_KEY_PATTERN);
    expect(row).toMatchObject({ width: 700, height: 350 });
    expect(row.variants).toEqual([
      { format: 'avif', width: 320, height: 160, bytes: expect.any(Number), name: '320.avif' },
      { format: 'webp', width: 320, height: 160, bytes: expect.any(Number), name: '320.webp' },
      { format: 'avif', width: 640, height: 320, bytes: expect.any(Number), name: '640.avif' },
      { format: 'webp', width: 640, height: 320, bytes: expect.any(Number), name: '640.webp' },
      { format: 'avif', width: 700, height: 350, bytes: expect.any(Number), name: '700.avif' },
      { format: 'webp', width: 700, height: 350, bytes: expect.any(Number), name: '700.webp' },
      { format: 'jpeg', width: 700, height: 350, bytes: expect.any(Number), name: '700.jpg' },
    ]);
    expect(JSON.parse(JSON.stringify(row))).toEqual(row); // fits a jsonb column as it is
    for (const v of row.variants) {
      const file = await store.get(row.storageKey, v.name);
      expect(file?.data.length).toBe(v.bytes);
    }
  });

  it('removes what it wrote when one variant fails', async () => {
    const files = fileImageStore(root);
    let puts = 0;
    const failing: ImageStore = { ...files, put: async (key, v) => (++puts === 3 ? Promise.reject(new Error('disk full')) : files.put(key, v)) };
    const processed: ProcessedImage = {
      sourceType: 'png', width: 10, height: 10,
      variants: (['avif', 'webp', 'jpeg'] as const).map((format) => ({ format, width: 10, height: 10, bytes: 1, data: Buffer.from('x') })),
    };
    await expect(storeProcessedImage(failing, processed)).rejects.toThrow('disk full');
    expect(filesUnder(root)).toEqual([]);
  });
});
