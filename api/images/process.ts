// An uploaded product image made safe and web-ready: the real type checked by its bytes, size
// and pixel count limited before decoding, decoded once, turned the right way up, and
// re-encoded at several widths as AVIF and WebP plus one JPEG fallback. Re-encoding from
// pixels drops everything else the file carried: EXIF (GPS included), XMP, IPTC, comments and
// appended data. A file that is also a web page, script, PDF or archive (a polyglot) is refused
// before that (hidden-content.ts).
import sharp, { type Sharp } from 'sharp';
import type { VariantFormat } from './formats.ts';
import { findHiddenContent, type HiddenContent } from './hidden-content.ts';
import { sniffImage, type ImageType, type RefusedKind } from './sniff.ts';
import { DEFAULT_WIDTHS, pickFallbackSize, planVariantSizes, type Size } from './variant-sizes.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_INPUT_PIXELS = 40_000_000;

/** Stable codes: callers translate these; the messages are the English defaults. */
export type ImageErrorCode = 'empty' | 'too-large' | 'unsupported-type' | 'too-many-pixels' | 'corrupt' | 'hidden-content';
export type ImageError = { ok: false; code: ImageErrorCode; message: string; detected?: RefusedKind | HiddenContent };

export type ProcessedVariant = { format: VariantFormat; width: number; height: number; bytes: number; data: Buffer };
export type ProcessedImage = { sourceType: ImageType; width: number; height: number; variants: ProcessedVariant[] };
export type ProcessResult = ({ ok: true } & ProcessedImage) | ImageError;

export type ProcessOptions = {
  widths?: readonly number[];
  /** Width the single JPEG fallback aims for (the largest variant not wider). */
  fallbackWidth?: number;
  maxBytes?: number;
  maxPixels?: number;
  /** AVIF encoder effort 0-9. 2 (default) keeps a 3000 × 2000 photo well under a second on two cores; 4 took about five times as long. */
  avifEffort?: number;
};

// Rounded up, so a file just over the limit never reads as "10 MB; at most 10 MB".
const megabytes = (n: number) => `${Math.ceil((n / 1024 / 1024) * 10) / 10} MB`;
const refusedNames: Record<RefusedKind, string> = {
  gif: 'a GIF', svg: 'an SVG drawing', html: 'a web page (HTML)', text: 'a text file', pdf: 'a PDF document',
  tiff: 'a TIFF image', bmp: 'a BMP image', heif: 'a HEIC/AVIF image', 'jpeg-xl': 'a JPEG XL image',
  ico: 'an icon file', zip: 'an archive', unknown: 'not an image we can read',
};

const hiddenNames: Record<HiddenContent, string> = {
  markup: 'a web page or script', php: 'a PHP script', pdf: 'a PDF document', archive: 'a ZIP archive',
};

function refuse(code: ImageErrorCode, message: string, detected?: RefusedKind | HiddenContent): ImageError {
  return { ok: false, code, message, ...(detected ? { detected } : {}) };
}

const corrupt = () => refuse('corrupt', 'The image could not be read: the file seems damaged or incompletely uploaded. Please save or export it again and upload it once more.');
const tooManyPixels = (size: Size | null, maxPixels: number) => refuse(
  'too-many-pixels',
  `The image${size ? ` (${size.width} × ${size.height} pixels)` : ''} has more pixels than we accept. Please upload an image of at most ${Math.round(maxPixels / 1e5) / 10} megapixels, for example ${Math.floor(Math.sqrt(maxPixels * 1.5) / 100) * 100} × ${Math.floor(Math.sqrt(maxPixels / 1.5) / 100) * 100}.`,
);

export async function processImage(bytes: Uint8Array, options: ProcessOptions = {}): Promise<ProcessResult> {
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
  const maxPixels = options.maxPixels ?? MAX_INPUT_PIXELS;

  // Cheap checks first: nothing is decoded for a file refused by its size or its header.
  if (bytes.length > maxBytes) {
    return refuse('too-large', `The file is ${megabytes(bytes.length)}; images may be at most ${megabytes(maxBytes)}. Please upload a smaller or more compressed version.`);
  }
  const sniffed = sniffImage(bytes);
  if (!sniffed.ok) {
    if (sniffed.reason === 'unsupported') {
      return refuse('unsupported-type', `This file is ${refusedNames[sniffed.detected]}. Please upload a JPEG, PNG or WebP image.`, sniffed.detected);
    }
    return sniffed.reason === 'empty' ? refuse('empty', 'The file is empty. Please choose the image again.') : corrupt();
  }
  if (sniffed.width * sniffed.height > maxPixels) return tooManyPixels(sniffed, maxPixels);
  const hidden = findHiddenContent(bytes);
  if (hidden) {
    return refuse('hidden-content', `This image also carries ${hiddenNames[hidden]} inside the file, which we do not accept. Please open the picture in an image editor, export it again as JPEG, PNG or WebP and upload that copy.`, hidden);
  }

  const decoded = await decodeOnce(bytes, sniffed.type, maxPixels, options.widths ?? DEFAULT_WIDTHS);
  if (!decoded.ok) return decoded;

  const { pixels, original, sizes } = decoded;
  const base = sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels } });
  if (pixels.channels % 2 === 0 && isOpaque(pixels)) base.removeAlpha();
  const fallback = pickFallbackSize(sizes, options.fallbackWidth);
  const avifEffort = options.avifEffort ?? 2;

  // Every encode is its own libuv task, so they spread over the cores; they share one pixel buffer.
  const jobs: Promise<ProcessedVariant>[] = [];
  for (const size of sizes) {
    jobs.push(encode(base, size, 'avif', (s) => s.avif({ quality: 50, effort: avifEffort, chromaSubsampling: '4:2:0' })));
    jobs.push(encode(base, size, 'webp', (s) => s.webp({ quality: 80, effort: 4 })));
  }
  jobs.push(encode(base, fallback, 'jpeg', (s) => s.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true })));
  const variants = await Promise.all(jobs);
  return { ok: true, sourceType: sniffed.type, width: original.width, height: original.height, variants };
}

type Pixels = { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 };
type Decoded = { ok: true; pixels: Pixels; original: Size; sizes: Size[] };

/**
 * The one decode: upright (EXIF orientation applied), converted to sRGB, 8 bits, and already
 * scaled to the largest variant (JPEG decodes at a reduced scale when it can). Every variant is
 * made from these pixels. Errors here are the file's fault; later encoder errors are ours.
 */
async function decodeOnce(bytes: Uint8Array, type: ImageType, maxPixels: number, widths: readonly number[]): Promise<Decoded | ImageError> {
  // failOn 'error' refuses truncated and structurally broken files; 'warning' would also refuse
  // common, harmless quirks such as "extraneous bytes before marker" in camera JPEGs.
  const input = sharp(bytes, { failOn: 'error', limitInputPixels: maxPixels, autoOrient: true, sequentialRead: true, pages: 1 });
  try {
    const meta = await input.metadata();
    // Sharp sniffs the bytes again; a disagreement with ours means something odd: refuse it.
    if (meta.format !== type) return corrupt();
    const original = { width: meta.autoOrient.width, height: meta.autoOrient.height };
    const sizes = planVariantSizes(original, widths);
    const largest = sizes[sizes.length - 1]!;
    const { data, info } = await input
      .resize(largest.width, largest.height, { fit: 'fill' })
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, pixels: { data, width: info.width, height: info.height, channels: info.channels }, original, sizes };
  } catch (err) {
    if (err instanceof Error && /pixel limit/i.test(err.message)) return tooManyPixels(null, maxPixels);
    return corrupt();
  }
}

/** True when every alpha value (the last channel) is 255: such a channel only costs bytes in every variant. */
function isOpaque(pixels: Pixels): boolean {
  for (let i = pixels.channels - 1; i < pixels.data.length; i += pixels.channels) if (pixels.data[i] !== 255) return false;
  return true;
}

async function encode(base: Sharp, size: Size, format: VariantFormat, withEncoder: (s: Sharp) => Sharp): Promise<ProcessedVariant> {
  const { data, info } = await withEncoder(base.clone().resize(size.width, size.height, { fit: 'fill' })).toBuffer({ resolveWithObject: true });
  return { format, width: info.width, height: info.height, bytes: data.length, data };
}
