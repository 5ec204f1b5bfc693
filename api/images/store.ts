// Where processed variants live. A stored image is a folder named by a random key holding one
// file per variant (`640.avif`, `960.jpg`, …). Paths are built only from a generated key and a
// name made from width and format: nothing an uploader sent ever reaches the file system.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { contentTypeOfName, variantName, type VariantFormat } from './formats.ts';
import type { ProcessedImage } from './process.ts';

/** 128 random bits as lower-case hex. */
export const STORAGE_KEY_PATTERN = /^[0-9a-f]{32}$/;
/** What `variantName` makes: a width without leading zeros and one of our extensions. */
export const VARIANT_NAME_PATTERN = /^[1-9][0-9]{0,4}\.(?:avif|webp|jpg)$/;

export function newStorageKey(): string {
  return crypto.randomBytes(16).toString('hex');
}

export type VariantToStore = { format: VariantFormat; width: number; data: Uint8Array };
export type StoredVariantFile = { data: Uint8Array<ArrayBuffer>; contentType: string };

export interface ImageStore {
  /** Writes one variant under `key`; returns its file name. Atomic: readers see all of it or nothing. */
  put(key: string, variant: VariantToStore): Promise<string>;
  /** The variant's bytes and Content-Type, or null when there is no such key or name. */
  get(key: string, name: string): Promise<StoredVariantFile | null>;
  /** Removes every variant of `key`; no error when it is already gone. */
  delete(key: string): Promise<void>;
}

/** The row for `product_images`: `storage_key`, `width`, `height` and `variants` (jsonb). */
export type StoredImage = {
  storageKey: string;
  width: number;
  height: number;
  variants: { format: VariantFormat; width: number; height: number; bytes: number; name: string }[];
};

function assertKey(key: string): void {
  if (!STORAGE_KEY_PATTERN.test(key)) throw new RangeError('Invalid image storage key');
}
function assertName(name: string): void {
  if (!VARIANT_NAME_PATTERN.test(name)) throw new RangeError('Invalid image variant name');
}

/** Files under `root/<first two key characters>/<key>/`, so no folder grows to millions of entries. */
export function fileImageStore(root: string): ImageStore {
  const base = path.resolve(root);
  const folderOf = (key: string) => {
    assertKey(key);
    const folder = path.join(base, key.slice(0, 2), key);
    // Belt and braces: the patterns already rule out separators and dots.
    if (!folder.startsWith(base + path.sep)) throw new RangeError('Image path escapes the store');
    return folder;
  };

  return {
    async put(key, variant) {
      const folder = folderOf(key);
      const name = variantName(variant);
      assertName(name);
      await fs.mkdir(folder, { recursive: true });
      // Written beside the target under a name the route can never ask for, then renamed into
      // place (atomic on one file system), so a half-written variant is never served.
      const temp = path.join(folder, `.${name}.${crypto.randomBytes(6).toString('hex')}.tmp`);
      const handle = await fs.open(temp, 'wx', 0o644);
      try {
        await handle.writeFile(variant.data);
        await handle.sync();
      } catch (err) {
        await handle.close();
        await fs.rm(temp, { force: true });
        throw err;
      }
      await handle.close();
      await fs.rename(temp, path.join(folder, name));
      return name;
    },

    async get(key, name) {
      if (!STORAGE_KEY_PATTERN.test(key) || !VARIANT_NAME_PATTERN.test(name)) return null;
      const contentType = contentTypeOfName(name);
      if (!contentType) return null;
      try {
        return { data: await fs.readFile(path.join(folderOf(key), name)), contentType };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },

    async delete(key) {
      await fs.rm(folderOf(key), { recursive: true, force: true });
    },
  };
}

/** Writes every variant under a new key; on any failure removes what was written and rethrows. */
export async function storeProcessedImage(store: ImageStore, processed: ProcessedImage): Promise<StoredImage> {
  const storageKey = newStorageKey();
  // allSettled, not all: the clean-up must not race writes still in flight.
  const written = await Promise.allSettled(processed.variants.map((v) => store.put(storageKey, v)));
  const failed = written.find((r) => r.status === 'rejected');
  if (failed) {
    await store.delete(storageKey).catch(() => {});
    throw failed.reason;
  }
  const variants = processed.variants.map((v, i) => ({
    format: v.format, width: v.width, height: v.height, bytes: v.bytes,
    name: (written[i] as PromiseFulfilledResult<string>).value,
  }));
  return { storageKey, width: processed.width, height: processed.height, variants };
}
