// RFC 2047 encoded words in mail headers (=?UTF-8?Q?...?= and =?UTF-8?B?...?=), decoded for
// people to read: the development outbox lists subjects as the recipient's mail client
// would show them (a Korean company name, or one with quotes and angle brackets, is encoded).

const WORD = /=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=/g;

function decodeWord(charset: string, encoding: string, text: string): string | undefined {
  try {
    const bytes = encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    return new TextDecoder(charset.split('*')[0]!.toLowerCase(), { fatal: false }).decode(bytes);
  } catch {
    return undefined; // an unknown charset: leave the word as it was
  }
}

/** The header value with its encoded words decoded (whitespace between two of them dropped, as the RFC says). */
export function decodeMimeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(WORD, (word, charset: string, encoding: string, text: string) => decodeWord(charset, encoding, text) ?? word);
}
