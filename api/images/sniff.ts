// What an uploaded file really is, from its first bytes: never from its name or the declared
// Content-Type, which the uploader controls. Only JPEG, PNG and WebP pass, and only with a
// header complete enough to say how many pixels the image claims, so a decompression bomb can
// be refused before anything is decoded.
export type ImageType = 'jpeg' | 'png' | 'webp';

/** Things people upload that are recognised (for a helpful message) and refused. */
export type RefusedKind = 'gif' | 'svg' | 'html' | 'text' | 'pdf' | 'tiff' | 'bmp' | 'heif' | 'jpeg-xl' | 'ico' | 'zip' | 'unknown';

export type Sniffed =
  | { ok: true; type: ImageType; width: number; height: number }
  /** `truncated-header`: it starts like a JPEG/PNG/WebP but the header is cut short or malformed. */
  | { ok: false; reason: 'empty' | 'truncated-header' }
  | { ok: false; reason: 'unsupported'; detected: RefusedKind };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
/** True when the file is shorter than the signature but agrees with it as far as it goes. */
const isCutShort = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length < signature.length && bytes.every((b, i) => b === signature[i]);

export function sniffImage(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  if (startsWith(bytes, JPEG_SIGNATURE)) return withSize('jpeg', jpegSize(bytes, view));
  if (startsWith(bytes, PNG_SIGNATURE)) return withSize('png', pngSize(bytes, view));
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return withSize('webp', webpSize(bytes, view));
  if (isCutShort(bytes, JPEG_SIGNATURE) || isCutShort(bytes, PNG_SIGNATURE)) return { ok: false, reason: 'truncated-header' };
  if (ascii(bytes, 0, 4) === 'RIFF' && bytes.length < 12) return { ok: false, reason: 'truncated-header' };
  return { ok: false, reason: 'unsupported', detected: recogniseRefused(bytes) };
}

function withSize(type: ImageType, size: { width: number; height: number } | null): Sniffed {
  if (!size || size.width < 1 || size.height < 1) return { ok: false, reason: 'truncated-header' };
  return { ok: true, type, ...size };
}

// PNG: the IHDR chunk must come first and holds width and height as big-endian uint32.
function pngSize(bytes: Uint8Array, view: DataView) {
  if (bytes.length < 24 || ascii(bytes, 12, 16) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

// JPEG: walk the marker segments up to the first start-of-frame, which holds the size.
function jpegSize(bytes: Uint8Array, view: DataView) {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) { at += 1; continue; } // fill byte
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { at += 2; continue; } // no length
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan data before any frame
    const length = view.getUint16(at + 2);
    if (length < 2) return null;
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC) which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > bytes.length) return null;
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

// WebP: a RIFF container whose first chunk is lossy (VP8), lossless (VP8L) or extended (VP8X).
function webpSize(bytes: Uint8Array, view: DataView) {
  const chunk = ascii(bytes, 12, 16);
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return null; // key frame start code
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    if (bytes[20] !== 0x2f) return null;
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && bytes.length >= 30) {
    const uint24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
    return { width: uint24(24) + 1, height: uint24(27) + 1 };
  }
  return null;
}

function recogniseRefused(bytes: Uint8Array): RefusedKind {
  const head = ascii(bytes, 0, 16);
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'gif';
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'tiff';
  if (head.startsWith('BM')) return 'bmp';
  if (head.startsWith('PK\x03\x04')) return 'zip';
  if (head.startsWith('\0\0\x01\0')) return 'ico';
  if (head.startsWith('\xff\x0a') || head.startsWith('\0\0\0\x0cJXL ')) return 'jpeg-xl';
  if (head.slice(4, 8) === 'ftyp') return 'heif'; // HEIC and AVIF (ISO base media files)
  // Text (scripts, markup): no control bytes other than tab and line breaks near the start.
  const sample = bytes.subarray(0, 4096);
  if (sample.some((b) => b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f)) return 'unknown';
  const text = new TextDecoder().decode(sample).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/<svg[\s>/]/.test(text)) return 'svg';
  if (/<(?:!doctype html|html|head|body|script|iframe|meta)\b/.test(text)) return 'html';
  return 'text';
}
