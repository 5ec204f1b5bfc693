// Which sizes an image is published at: a pure function, so the rules are easy to test.
export const DEFAULT_WIDTHS: readonly number[] = [320, 640, 960, 1280, 1600];
/** Very tall images stop here, so a thin strip does not become a 1600 × 20000 variant. */
export const MAX_VARIANT_HEIGHT = 3200;

export type Size = { width: number; height: number };

/**
 * The distinct variant sizes for an image of `width × height`: each requested width that is
 * smaller than the original, plus the original width itself when it is within the largest
 * requested width. Never upscaled, aspect ratio kept, smallest first, and never empty.
 */
export function planVariantSizes(original: Size, widths: readonly number[] = DEFAULT_WIDTHS, maxHeight = MAX_VARIANT_HEIGHT): Size[] {
  const wanted = widths.filter((w) => Number.isInteger(w) && w > 0);
  const largest = Math.max(0, ...wanted);
  const targets = wanted.filter((w) => w < original.width);
  if (original.width <= largest || targets.length === 0) targets.push(Math.min(original.width, largest || original.width));
  const sizes = new Map<number, Size>();
  for (const target of targets) {
    const scale = Math.min(target / original.width, maxHeight / original.height, 1);
    const size = {
      width: Math.max(1, Math.round(original.width * scale)),
      height: Math.max(1, Math.round(original.height * scale)),
    };
    sizes.set(size.width, size);
  }
  return [...sizes.values()].sort((a, b) => a.width - b.width);
}

/** The size for the single JPEG fallback: the largest variant no wider than `preferred`, else the smallest. */
export function pickFallbackSize(sizes: readonly Size[], preferred = 960): Size {
  const fitting = sizes.filter((s) => s.width <= preferred);
  const pick = fitting.length ? fitting[fitting.length - 1] : sizes[0];
  if (!pick) throw new RangeError('No variant sizes to pick from');
  return pick;
}
