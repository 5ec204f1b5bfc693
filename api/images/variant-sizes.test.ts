import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_WIDTHS, MAX_VARIANT_HEIGHT, pickFallbackSize, planVariantSizes } from './variant-sizes.ts';

describe('planVariantSizes', () => {
  it('uses every default width for a large photo', () => {
    expect(planVariantSizes({ width: 3000, height: 2000 })).toEqual([
      { width: 320, height: 213 }, { width: 640, height: 427 }, { width: 960, height: 640 },
      { width: 1280, height: 853 }, { width: 1600, height: 1067 },
    ]);
  });

  it('adds the original width instead of upscaling a mid-sized image', () => {
    expect(planVariantSizes({ width: 1000, height: 500 }).map((s) => s.width)).toEqual([320, 640, 960, 1000]);
  });

  it('keeps a tiny image at its own size', () => {
    expect(planVariantSizes({ width: 90, height: 60 })).toEqual([{ width: 90, height: 60 }]);
  });

  it('caps very tall images and drops the sizes that become duplicates', () => {
    expect(planVariantSizes({ width: 1000, height: 8000 })).toEqual([{ width: 320, height: 2560 }, { width: 400, height: MAX_VARIANT_HEIGHT }]);
  });

  it('never upscales, never comes back empty, keeps the aspect ratio', () => {
    const size = fc.record({ width: fc.integer({ min: 1, max: 40_000 }), height: fc.integer({ min: 1, max: 40_000 }) });
    fc.assert(fc.property(size, (original) => {
      const sizes = planVariantSizes(original);
      expect(sizes.length).toBeGreaterThan(0);
      for (const s of sizes) {
        expect(s.width).toBeLessThanOrEqual(Math.min(original.width, Math.max(...DEFAULT_WIDTHS)));
        expect(s.height).toBeLessThanOrEqual(Math.min(original.height, MAX_VARIANT_HEIGHT));
        expect(s.width).toBeGreaterThanOrEqual(1);
        expect(s.height).toBeGreaterThanOrEqual(1);
        // Rounding to whole pixels: at most one pixel off the exact proportion.
        expect(Math.abs(s.height - (s.width * original.height) / original.width)).toBeLessThanOrEqual(1 + original.height / original.width);
      }
      expect(new Set(sizes.map((s) => s.width)).size).toBe(sizes.length);
    }));
  });
});

describe('pickFallbackSize', () => {
  it('takes the largest size not wider than the preferred width, else the smallest', () => {
    const sizes = planVariantSizes({ width: 3000, height: 2000 });
    expect(pickFallbackSize(sizes)).toEqual({ width: 960, height: 640 });
    expect(pickFallbackSize([{ width: 1200, height: 10 }, { width: 1500, height: 12 }])).toEqual({ width: 1200, height: 10 });
  });
});
