// Polyglots: files that are a valid image and, read by another program, something else too: a
// web page or script a browser would run, a PHP page, a PDF, a ZIP or JAR archive. Re-encoding
// already drops whatever an image carries besides its pixels, but the upload itself is a hostile
// act from a company account, so it is refused outright and staff never hold the original.
//
// Each check matches what the other reader looks for, so chance bytes in compressed image data
// do not trip it: markup by its tags, a PDF by its header in the first 1,024 bytes (where PDF
// readers search), an archive by a ZIP end record that closes the file exactly.

export type HiddenContent = 'markup' | 'php' | 'pdf' | 'archive';

// What a browser, a script host or PHP reacts to. Each pattern is long enough that chance bytes in
// compressed image data match it about once in 100,000 large photos (a tag name plus a delimiter;
// "<svg " or "<a " would match far more often). XMP metadata is XML (<x:xmpmeta>, <?xpacket>,
// <rdf:RDF>) and matches none of them.
const MARKUP = /<(?:script|iframe|object|embed|html|body)[\s/>]|<!doctype\s+html|javascript:|on(?:error|load)\s*=/i;
const PHP = /<\?php\s/i;

const EOCD = [0x50, 0x4b, 0x05, 0x06]; // "PK\5\6", the ZIP end-of-central-directory record
const EOCD_SIZE = 22;
const MAX_ZIP_COMMENT = 0xffff;

export function findHiddenContent(bytes: Uint8Array): HiddenContent | null {
  // latin1 maps every byte to one character, so positions and ASCII patterns survive any binary.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (MARKUP.test(text)) return 'markup';
  if (PHP.test(text)) return 'php';
  if (text.slice(0, 1024).includes('%PDF-')) return 'pdf';
  if (endsWithZipDirectory(bytes)) return 'archive';
  return null;
}

/** True when the file ends in a ZIP end record whose comment runs exactly to the last byte. */
function endsWithZipDirectory(bytes: Uint8Array): boolean {
  const earliest = Math.max(0, bytes.length - EOCD_SIZE - MAX_ZIP_COMMENT);
  for (let at = bytes.length - EOCD_SIZE; at >= earliest; at--) {
    if (bytes[at] !== EOCD[0] || bytes[at + 1] !== EOCD[1] || bytes[at + 2] !== EOCD[2] || bytes[at + 3] !== EOCD[3]) continue;
    const commentLength = bytes[at + 20]! | (bytes[at + 21]! << 8);
    if (at + EOCD_SIZE + commentLength === bytes.length) return true;
  }
  return false;
}
