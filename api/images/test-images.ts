// Images generated for the tests and the benchmark, so no binary fixtures are committed.
import zlib from 'node:zlib';
import sharp, { type Sharp } from 'sharp';

/**
 * Gradients, soft waves and per-pixel noise: compresses roughly like a photo, unlike a flat
 * colour (far too easy) or pure noise (far too hard). Deterministic for a given seed.
 */
export function photoLike(width: number, height: number, seed = 1): Sharp {
  const data = Buffer.alloc(width * height * 3);
  let state = seed >>> 0 || 1;
  const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      state = (state * 1103515245 + 12345) >>> 0;
      const noise = ((state >>> 24) % 25) - 12;
      const i = (y * width + x) * 3;
      data[i] = clamp((x / width) * 200 + 30 * Math.sin(y / 90) + noise);
      data[i + 1] = clamp((y / height) * 180 + 40 * Math.cos(x / 130) + noise);
      data[i + 2] = clamp(120 + 60 * Math.sin((x + y) / 200) + noise);
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

/** Left half red, right half blue: shows which way round an image came out. */
export function twoTone(width: number, height: number): Sharp {
  const left = { input: { create: { width: Math.floor(width / 2), height, channels: 3 as const, background: '#ff0000' } }, left: 0, top: 0 };
  return sharp({ create: { width, height, channels: 3, background: '#0000ff' } }).composite([left]);
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A 1-bit grey PNG of `width × height` all black: the pixel data compresses about 1000:1, so a
 * few kilobytes expand to tens of megapixels. With `idat: false`, only the header is real.
 */
export function pngBomb(width: number, height: number, { idat = true } = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filter, no interlace
  const rows = idat ? zlib.deflateSync(Buffer.alloc((Math.ceil(width / 8) + 1) * height), { level: 9 }) : zlib.deflateSync(Buffer.alloc(1));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', rows),
    pngChunk('IEND', new Uint8Array()),
  ]);
}
