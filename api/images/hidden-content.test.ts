import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { findHiddenContent } from './hidden-content.ts';
import { photoLike } from './test-images.ts';

const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Studio</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** A JPEG with a comment segment (COM, FF FE) right after its start marker, where polyglots hide text. */
function withJpegComment(jpeg: Buffer, comment: string): Buffer {
  const body = Buffer.from(comment, 'latin1');
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, body, jpeg.subarray(2)]);
}

/** A PNG with a tEXt chunk before its image data. */
function withPngText(png: Buffer, keyword: string, value: string): Buffer {
  const data = Buffer.from(`${keyword}\0${value}`, 'latin1');
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write('tEXt', 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  const afterHeader = 8 + 25; // signature, then the IHDR chunk
  return Buffer.concat([png.subarray(0, afterHeader), head, data, crc, png.subarray(afterHeader)]);
}

/** The smallest valid ZIP: an end-of-central-directory record, optionally with a comment. */
function emptyZip(comment = ''): Buffer {
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(comment.length, 20);
  return Buffer.concat([eocd, Buffer.from(comment, 'latin1')]);
}

describe('findHiddenContent', () => {
  it('finds nothing in real photos, with or without metadata, in any of the accepted formats', async () => {
    for (const seed of [1, 2, 3]) {
      const photo = photoLike(1600, 1200, seed).withXmp(XMP).withExif({ IFD0: { Make: 'PhoneMaker', ImageDescription: 'Harbour at dusk' } });
      for (const bytes of [await photo.clone().jpeg({ quality: 92 }).toBuffer(), await photo.clone().png().toBuffer(), await photo.clone().webp().toBuffer()]) {
        expect(findHiddenContent(bytes)).toBeNull();
      }
    }
  });

  it('lets a phone\'s motion-photo video after the JPEG pass (re-encoding drops it)', async () => {
    const jpeg = await photoLike(400, 300).jpeg().toBuffer();
    const mp4Box = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42\0\0\0\0mp42isom', 'latin1')]);
    expect(findHiddenContent(Buffer.concat([jpeg, mp4Box, Buffer.alloc(4096, 7)]))).toBeNull();
  });

  it.each([
    ['a web page appended after the JPEG', async () => Buffer.concat([await photoLike(300, 200).jpeg().toBuffer(), Buffer.from('<html><script>alert(1)</script></html>')]), 'markup'],
    ['a script in a JPEG comment', async () => withJpegComment(await photoLike(300, 200).jpeg().toBuffer(), '*/=1;<SCRIPT src=//evil.example/x.js></SCRIPT>/*'), 'markup'],
    ['an inline event handler in a JPEG comment', async () => withJpegComment(await photoLike(300, 200).jpeg().toBuffer(), '"><img src=x onerror =alert(1)>'), 'markup'],
    ['a javascript: link in a PNG text chunk', async () => withPngText(await photoLike(300, 200).png().toBuffer(), 'Comment', 'JavaScript:alert(document.cookie)'), 'markup'],
    ['PHP in a PNG text chunk', async () => withPngText(await photoLike(300, 200).png().toBuffer(), 'Comment', '<?php system($_GET["c"]); ?>'), 'php'],
    ['a PDF header in a JPEG comment', async () => withJpegComment(await photoLike(300, 200).jpeg().toBuffer(), '%PDF-1.7\n1 0 obj\n<<>>\nendobj'), 'pdf'],
    ['a ZIP (or JAR) appended after the PNG', async () => Buffer.concat([await photoLike(300, 200).png().toBuffer(), emptyZip()]), 'archive'],
    ['a ZIP with a comment appended after the WebP', async () => Buffer.concat([await photoLike(300, 200).webp().toBuffer(), emptyZip('made by a polyglot kit')]), 'archive'],
  ])('refuses %s', async (_name, make, kind) => {
    expect(findHiddenContent(await make())).toBe(kind);
  });

  it('does not take a ZIP end record for a ZIP unless it closes the file exactly', async () => {
    const png = await photoLike(300, 200).png().toBuffer();
    const record = emptyZip('x');
    expect(findHiddenContent(Buffer.concat([png, record, Buffer.from('trailing')]))).toBeNull();
  });

  it('reads a view into a larger buffer from its own start and end only', async () => {
    const jpeg = await photoLike(300, 200).jpeg().toBuffer();
    const larger = Buffer.concat([Buffer.from('<script>'), jpeg, emptyZip()]);
    expect(findHiddenContent(larger.subarray(8, 8 + jpeg.length))).toBeNull();
  });
});
