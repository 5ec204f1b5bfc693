import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import sharp from 'sharp';
import { sniffImage } from './sniff.ts';
import { photoLike, pngBomb } from './test-images.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('sniffImage', () => {
  it('recognises JPEG, PNG and the three kinds of WebP by their bytes, with the declared size', async () => {
    const cases = [
      ['jpeg', await photoLike(123, 45).jpeg().toBuffer()],
      ['jpeg', await photoLike(77, 300).jpeg({ progressive: true }).toBuffer()],
      ['png', await photoLike(321, 17).png().toBuffer()],
      ['webp', await photoLike(401, 33).webp().toBuffer()], // lossy: VP8
      ['webp', await photoLike(99, 101).webp({ lossless: true }).toBuffer()], // VP8L
      ['webp', await photoLike(64, 48).ensureAlpha(0.5).webp().toBuffer()], // with alpha: VP8X
    ] as const;
    for (const [type, bytes] of cases) {
      const meta = await sharp(bytes).metadata();
      expect(sniffImage(bytes)).toEqual({ ok: true, type, width: meta.width, height: meta.height });
    }
  });

  it('finds the JPEG frame size behind large metadata segments', async () => {
    const bytes = await photoLike(50, 40).withExif({ IFD0: { ImageDescription: 'x'.repeat(20_000) } }).withIccProfile('p3').jpeg().toBuffer();
    expect(sniffImage(bytes)).toEqual({ ok: true, type: 'jpeg', width: 50, height: 40 });
  });

  it('reads a huge declared size from a tiny PNG without decoding it', () => {
    expect(sniffImage(pngBomb(30_000, 30_000, { idat: false }))).toEqual({ ok: true, type: 'png', width: 30_000, height: 30_000 });
  });

  it('refuses an empty file', () => {
    expect(sniffImage(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
  });

  it('refuses files that start like an image but whose header is cut short', async () => {
    const jpeg = await photoLike(40, 30).jpeg().toBuffer();
    const png = await photoLike(40, 30).png().toBuffer();
    const webp = await photoLike(40, 30).webp().toBuffer();
    for (const bytes of [jpeg.subarray(0, 2), jpeg.subarray(0, 20), png.subarray(0, 5), png.subarray(0, 16), webp.subarray(0, 14), webp.subarray(0, 6)]) {
      expect(sniffImage(bytes)).toEqual({ ok: false, reason: 'truncated-header' });
    }
  });

  it('names what it refuses: scripts, markup, SVG, GIF, PDF and other formats', async () => {
    const gif = await photoLike(20, 20).gif().toBuffer();
    const tiff = await photoLike(20, 20).tiff().toBuffer();
    const cases: [Uint8Array, string][] = [
      [text('<script>alert(document.cookie)</script>'), 'html'],
      [text('\uFEFF  <!DOCTYPE html><html><body>hi</body></html>'), 'html'],
      [text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'svg'],
      [text('<svg onload="alert(1)"/>'), 'svg'],
      [text('alert(document.cookie); // saved as photo.jpg'), 'text'],
      [text('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf'],
      [gif, 'gif'],
      [tiff, 'tiff'],
      [new Uint8Array([0, 0, 0, 0x1c, ...text('ftypheic')]), 'heif'],
      [new Uint8Array([0x50, 0x4b, 3, 4, 20, 0]), 'zip'],
      [new Uint8Array([0, 1, 2, 3, 0xfe, 0xff]), 'unknown'],
    ];
    for (const [bytes, detected] of cases) expect(sniffImage(bytes), detected).toEqual({ ok: false, reason: 'unsupported', detected });
  });

  it('never throws on arbitrary bytes and passes only what begins with a real signature', () => {
    const signatures = [[0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47], [...text('RIFF')]];
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.tuple(fc.constantFrom(...signatures), fc.uint8Array({ maxLength: 64 })).map(([s, rest]) => new Uint8Array([...s, ...rest])),
    );
    fc.assert(fc.property(bytes, (b) => {
      const r = sniffImage(b);
      if (r.ok) {
        expect(signatures.some((s) => s.every((x, i) => b[i] === x))).toBe(true);
        expect(r.width).toBeGreaterThan(0);
        expect(r.height).toBeGreaterThan(0);
      }
    }), { numRuns: 2000 });
  });
});
