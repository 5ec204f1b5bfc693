// Every approved product's pictures, read once per build: the variants made at upload time
// (never processed here), as srcset strings per format for <picture>.
import type { LocalizedText } from '../../api/db/schema.ts';
import { buildDatabase, perBuild } from './db.ts';

type Variant = { format: 'avif' | 'webp' | 'jpeg'; width: number; height: number; name: string };
/** `fallback` is the one JPEG variant (every browser and link-preview crawler reads it), `fallbackSize` its pixels. */
export type GalleryImage = {
  width: number; height: number; alt: LocalizedText; avif: string; webp: string; fallback: string;
  fallbackSize: { width: number; height: number };
};

const url = (key: string, v: Variant) => `/api/media/${key}/${v.name}`;
const srcset = (key: string, variants: Variant[], format: Variant['format']) =>
  variants.filter((v) => v.format === format).sort((a, b) => a.width - b.width).map((v) => `${url(key, v)} ${v.width}w`).join(', ');

export function productImages(): Promise<Map<string, GalleryImage[]>> {
  return perBuild('product-images', async () => {
    const db = await buildDatabase();
    const rows = await db.selectFrom('product_images as i')
      .innerJoin('products as p', 'p.id', 'i.product_id')
      .select(['i.product_id', 'i.storage_key', 'i.width', 'i.height', 'i.variants', 'i.alt'])
      .where('p.status', '=', 'approved')
      .orderBy('i.product_id').orderBy('i.position')
      .execute();
    const map = new Map<string, GalleryImage[]>();
    for (const r of rows) {
      const variants = r.variants as Variant[];
      const jpeg = variants.find((v) => v.format === 'jpeg') ?? variants[0];
      if (!jpeg) continue;
      const list = map.get(r.product_id) ?? [];
      list.push({
        width: r.width, height: r.height, alt: r.alt,
        avif: srcset(r.storage_key, variants, 'avif'), webp: srcset(r.storage_key, variants, 'webp'), fallback: url(r.storage_key, jpeg),
        fallbackSize: { width: jpeg.width, height: jpeg.height },
      });
      map.set(r.product_id, list);
    }
    return map;
  });
}
