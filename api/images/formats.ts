// The output formats the pipeline writes: each one's file extension and Content-Type.
// The route serves a Content-Type from this table only, never from anything an uploader sent.
export type VariantFormat = 'avif' | 'webp' | 'jpeg';

export const VARIANT_FORMATS = {
  avif: { extension: 'avif', contentType: 'image/avif' },
  webp: { extension: 'webp', contentType: 'image/webp' },
  jpeg: { extension: 'jpg', contentType: 'image/jpeg' },
} as const satisfies Record<VariantFormat, { extension: string; contentType: string }>;

/** The file name of a variant inside its image's folder, e.g. `640.avif`. */
export function variantName(variant: { format: VariantFormat; width: number }): string {
  if (!Number.isInteger(variant.width) || variant.width < 1 || variant.width > 99_999) {
    throw new RangeError(`Variant width out of range: ${variant.width}`);
  }
  const format = VARIANT_FORMATS[variant.format];
  if (!format) throw new RangeError(`Unknown variant format: ${String(variant.format)}`);
  return `${variant.width}.${format.extension}`;
}

/** The Content-Type for a variant file name, or null when the name is not one this pipeline makes. */
export function contentTypeOfName(name: string): string | null {
  const extension = name.slice(name.lastIndexOf('.') + 1);
  const format = Object.values(VARIANT_FORMATS).find((f) => f.extension === extension);
  return format ? format.contentType : null;
}
