import { describe, expect, it } from 'vitest';
import sharp, { type Sharp } from 'sharp';
import { MAX_UPLOAD_BYTES, processImage, type ProcessedImage, type ProcessResult } from './process.ts';
import { photoLike, pngBomb, twoTone } from './test-images.ts';

const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>SECRET-XMP-AUTHOR</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
const EXIF = {
  IFD0: { ImageDescription: 'SECRET-EXIF-DESCRIPTION', Make: 'PhoneMaker', Model: 'Phone 9' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 33/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '126/1 58/1 0/1' },
};

/** A photo carrying everything that must not survive: EXIF with GPS, XMP and a non-sRGB ICC profile. */
const withEverything = (width: number, height: number) => photoLike(width, height).withExif(EXIF).withXmp(XMP).withIccProfile('p3');

function expectOk(result: ProcessResult): ProcessedImage {
  if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.message}`);
  return result;
}
const contains = (haystack: Uint8Array, needle: string) => Buffer.from(haystack).includes(needle);

describe('processImage: valid uploads', () => {
  for (const [type, encode] of [
    ['jpeg', (s: Sharp) => s.jpeg({ quality: 90 })],
    ['png', (s: Sharp) => s.png()],
    ['webp', (s: Sharp) => s.webp({ quality: 90 })],
  ] as const) {
    it(`turns a ${type} into AVIF and WebP at each width plus one JPEG, with no metadata left`, async () => {
      const input = await encode(withEverything(1400, 1000)).toBuffer();
      const before = await sharp(input).metadata(); // the test input really carries it all
      expect([before.exif, before.xmp, before.icc].map(Boolean)).toEqual([true, true, true]);
      const image = expectOk(await processImage(input));

      expect(image).toMatchObject({ sourceType: type, width: 1400, height: 1000 });
      const widthsOf = (format: string) => image.variants.filter((v) => v.format === format).map((v) => v.width);
      expect(widthsOf('avif')).toEqual([320, 640, 960, 1280, 1400]);
      expect(widthsOf('webp')).toEqual([320, 640, 960, 1280, 1400]);
      expect(widthsOf('jpeg')).toEqual([960]);

      for (const v of image.variants) {
        const meta = await sharp(v.data).metadata();
        expect(meta.format).toBe(v.format === 'avif' ? 'heif' : v.format);
        if (v.format === 'avif') expect(meta.compression).toBe('av1');
        expect({ width: meta.width, height: meta.height }).toEqual({ width: v.width, height: v.height });
        expect(v.bytes).toBe(v.data.length);
        expect(meta.exif).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
        expect(meta.iptc).toBeUndefined();
        expect(meta.icc).toBeUndefined();
        expect(meta.orientation).toBeUndefined();
        for (const secret of ['SECRET-EXIF-DESCRIPTION', 'SECRET-XMP-AUTHOR', 'PhoneMaker', 'xmpmeta']) expect(contains(v.data, secret)).toBe(false);
      }
    });
  }

  it('turns an image with an EXIF orientation the right way round', async () => {
    // Stored 200 × 100, left half red; orientation 6 means "rotate 90° clockwise to view".
    const input = await twoTone(200, 100).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect((await sharp(input).metadata()).orientation).toBe(6);
    const image = expectOk(await processImage(input));
    expect(image).toMatchObject({ width: 100, height: 200 });
    for (const v of image.variants) {
      expect({ width: v.width, height: v.height }).toEqual({ width: 100, height: 200 });
      const { data, info } = await sharp(v.data).raw().toBuffer({ resolveWithObject: true });
      const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
      const [top, bottom] = [pixel(50, 40), pixel(50, 160)];
      expect(top[0]).toBeGreaterThan(200); // red on top
      expect(top[2]).toBeLessThan(60);
      expect(bottom[2]).toBeGreaterThan(200); // blue below
      expect(bottom[0]).toBeLessThan(60);
    }
  });

  it('never upscales: a small image keeps its own width as the largest variant', async () => {
    const small = expectOk(await processImage(await photoLike(500, 300).png().toBuffer()));
    expect(small.variants.filter((v) => v.format === 'avif').map((v) => v.width)).toEqual([320, 500]);
    const tiny = expectOk(await processImage(await photoLike(90, 60).jpeg().toBuffer()));
    expect(tiny.variants.map((v) => `${v.format} ${v.width}×${v.height}`)).toEqual(['avif 90×60', 'webp 90×60', 'jpeg 90×60']);
    for (const v of [...small.variants, ...tiny.variants]) expect(v.width).toBeLessThanOrEqual(500);
  });

  it('keeps real transparency in AVIF and WebP, flattens it onto white in the JPEG, and drops an alpha channel that is fully opaque', async () => {
    const transparent = expectOk(await processImage(await photoLike(400, 300).ensureAlpha(0.4).png().toBuffer()));
    for (const v of transparent.variants) expect((await sharp(v.data).metadata()).hasAlpha).toBe(v.format !== 'jpeg');
    const opaque = expectOk(await processImage(await photoLike(400, 300).ensureAlpha(1).png().toBuffer()));
    for (const v of opaque.variants) expect((await sharp(v.data).metadata()).hasAlpha).toBe(false);
  });

  it('converts a CMYK JPEG to sRGB', async () => {
    const input = await photoLike(300, 200).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(input).metadata()).space).toBe('cmyk');
    const image = expectOk(await processImage(input));
    for (const v of image.variants) expect((await sharp(v.data).metadata()).space).toBe('srgb');
  });

  it('reads bytes that are a view into a larger buffer, as upload parsers hand them over', async () => {
    const jpeg = await photoLike(300, 200).jpeg().toBuffer();
    const larger = new Uint8Array(jpeg.length + 200).fill(0x3c);
    larger.set(jpeg, 100);
    expect(expectOk(await processImage(larger.subarray(100, 100 + jpeg.length)))).toMatchObject({ width: 300, height: 200 });
  });

  it('refuses a polyglot: a JPEG that is also a web page', async () => {
    const jpeg = await photoLike(700, 500).jpeg().toBuffer();
    const result = await processImage(Buffer.concat([jpeg, Buffer.from('<html><script>alert("POLYGLOT")</script></html>')]));
    expect(result).toMatchObject({ ok: false, code: 'hidden-content', detected: 'markup', message: expect.stringContaining('export it again') });
  });

  it('drops bytes appended after the image data that are not active content (a motion photo\'s video)', async () => {
    const jpeg = await photoLike(700, 500).jpeg().toBuffer();
    const image = expectOk(await processImage(Buffer.concat([jpeg, Buffer.from('\0\0\0\x18ftypmp42 APPENDED-VIDEO-BYTES', 'latin1')])));
    for (const v of image.variants) expect(contains(v.data, 'APPENDED-VIDEO-BYTES')).toBe(false);
  });
});

describe('processImage: refused uploads', () => {
  const refusal = async (bytes: Uint8Array) => {
    const result = await processImage(bytes);
    if (result.ok) throw new Error('Expected a refusal');
    expect(result.message.length).toBeGreaterThan(20);
    return result;
  };

  it('refuses a script renamed .jpg', async () => {
    expect(await refusal(new TextEncoder().encode('<script>fetch("/api/steal?c="+document.cookie)</script>'))).toMatchObject({ code: 'unsupported-type', detected: 'html' });
    expect(await refusal(new TextEncoder().encode('#!/bin/sh\nrm -rf /\n'))).toMatchObject({ code: 'unsupported-type', detected: 'text' });
  });

  it('refuses an SVG, even a harmless one', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    expect(await refusal(new TextEncoder().encode(svg))).toMatchObject({ code: 'unsupported-type', detected: 'svg', message: expect.stringContaining('SVG') });
  });

  it('refuses a GIF and a PDF', async () => {
    expect(await refusal(await photoLike(30, 30).gif().toBuffer())).toMatchObject({ code: 'unsupported-type', detected: 'gif' });
    expect(await refusal(new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'))).toMatchObject({ code: 'unsupported-type', detected: 'pdf' });
  });

  it('refuses an empty file', async () => {
    expect(await refusal(new Uint8Array())).toMatchObject({ code: 'empty' });
  });

  it('refuses PNG decompression bombs from the header, quickly', async () => {
    // 8000 × 8000 real pixel data in ~8 KB (64 megapixels once decoded) and a bare header claiming 30000 × 30000.
    for (const bomb of [pngBomb(8000, 8000), pngBomb(30_000, 30_000, { idat: false })]) {
      expect(bomb.length).toBeLessThan(10_000);
      const started = performance.now();
      const result = await refusal(bomb);
      expect(performance.now() - started).toBeLessThan(100);
      expect(result.code).toBe('too-many-pixels');
      expect(result.message).toContain('megapixels');
    }
  });

  it('applies a lower pixel limit when asked', async () => {
    expect(await processImage(await photoLike(300, 300).png().toBuffer(), { maxPixels: 50_000 })).toMatchObject({ ok: false, code: 'too-many-pixels' });
  });

  it('refuses a truncated JPEG, PNG and WebP', async () => {
    for (const encoded of [photoLike(600, 400).jpeg(), photoLike(600, 400).png(), photoLike(600, 400).webp()]) {
      const whole = await encoded.toBuffer();
      for (const keep of [0.5, 0.9]) expect(await refusal(whole.subarray(0, Math.floor(whole.length * keep)))).toMatchObject({ code: 'corrupt' });
      expect(await refusal(whole.subarray(0, 12))).toMatchObject({ code: 'corrupt' });
    }
  });

  it('refuses a file over 10 MB before looking inside', async () => {
    const jpegStart = await photoLike(40, 30).jpeg().toBuffer();
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(jpegStart);
    const started = performance.now();
    expect(await refusal(big)).toMatchObject({ code: 'too-large', message: expect.stringContaining('10 MB') });
    expect(performance.now() - started).toBeLessThan(50);
    expect(await processImage(jpegStart, { maxBytes: 100 })).toMatchObject({ ok: false, code: 'too-large' });
  });
});
