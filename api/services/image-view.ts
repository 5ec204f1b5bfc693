// A product image as the API shows it: its variants' public URLs. One shape for a published
// image and for one staged in an edit waiting for review.
import type { StagedImage } from '../db/schema.ts';

type Variant = { format: string; width: number; height: number; name: string };

const mediaUrl = (key: string, name: string) => `/api/media/${key}/${name}`;

export function imageView(image: StagedImage) {
  const variants = image.variants as Variant[];
  return {
    position: image.position, width: image.width, height: image.height, alt: image.alt,
    variants: variants.map((v) => ({ format: v.format, width: v.width, height: v.height, url: mediaUrl(image.storageKey, v.name) })),
  };
}
