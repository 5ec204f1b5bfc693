// Demo product pictures: one illustration per pavilion (a soft gradient with a product-like
// shape in the pavilion's colour), drawn here from our own SVG, run through the same upload
// pipeline as a company's photo and shared by that pavilion's products. Made once, when the
// demo data is seeded.
import sharp from 'sharp';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { processImage } from '../images/process.ts';
import { storeProcessedImage, type ImageStore } from '../images/store.ts';

const HUES = [340, 20, 45, 90, 140, 170, 200, 220, 250, 280, 310, 0, 60, 120];

function illustration(hue: number, variant: number): Buffer {
  const shape = [
    '<rect x="470" y="230" width="260" height="520" rx="60"/><rect x="540" y="170" width="120" height="90" rx="20"/>', // bottle
    '<rect x="380" y="330" width="440" height="330" rx="40"/><rect x="430" y="280" width="340" height="70" rx="20"/>', // box
    '<circle cx="600" cy="480" r="240"/><circle cx="600" cy="480" r="110" fill="#ffffff" fill-opacity="0.35"/>', // round part
  ][variant % 3];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900" viewBox="0 0 1200 900">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},60%,92%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},55%,78%)"/>
    </linearGradient></defs>
    <rect width="1200" height="900" fill="url(#g)"/>
    <ellipse cx="600" cy="790" rx="330" ry="40" fill="#000" fill-opacity="0.12"/>
    <g fill="hsl(${hue},55%,42%)">${shape}</g>
  </svg>`;
  return Buffer.from(svg);
}

/** Gives every product without images its pavilion's illustration. Returns how many got one. */
export async function seedDemoImages(db: Kysely<Database>, store: ImageStore): Promise<number> {
  const pavilions = await db.selectFrom('pavilions').select(['id']).orderBy('sort_order').orderBy('id').execute();
  let given = 0;
  for (const [i, pv] of pavilions.entries()) {
    const png = await sharp(illustration(HUES[i % HUES.length]!, i)).png().toBuffer();
    const processed = await processImage(png, { widths: [320, 640, 960, 1200] });
    if (!processed.ok) throw new Error(`demo image: ${processed.message}`);
    const stored = await storeProcessedImage(store, processed);
    const { numInsertedOrUpdatedRows } = await db.insertInto('product_images')
      .columns(['product_id', 'position', 'storage_key', 'width', 'height', 'variants', 'alt'])
      .expression((eb) => eb.selectFrom('products as p')
        .leftJoin('product_texts as t', (j) => j.onRef('t.product_id', '=', 'p.id').on('t.locale', '=', 'en'))
        .select((e) => [
          'p.id', sql.lit(0).as('position'), sql.val(stored.storageKey).as('storage_key'), sql.val(stored.width).as('width'),
          sql.val(stored.height).as('height'), sql.val(JSON.stringify(stored.variants)).as('variants'),
          // Alt text that says what the picture is: an illustration, not a photo of the product.
          sql<string>`jsonb_build_object('en', 'Illustration for ' || coalesce(${e.ref('t.name')}, 'this product'))`.as('alt'),
        ])
        .where('p.pavilion_id', '=', pv.id)
        .where((w) => w.not(w.exists(w.selectFrom('product_images as pi').select('pi.id').whereRef('pi.product_id', '=', 'p.id')))))
      .executeTakeFirst();
    given += Number(numInsertedOrUpdatedRows ?? 0);
  }
  return given;
}
