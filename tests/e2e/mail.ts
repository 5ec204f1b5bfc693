// Reading the hall's development outbox (/api/dev/outbox) from a browser test: the newest
// message to an address, its text decoded, and the first link in it.
import type { APIRequestContext } from '@playwright/test';

function decodeBody(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** The newest message to `to` whose subject contains `subject`, waiting for it to be written. */
export async function readMail(request: APIRequestContext, to: string, subject: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const html = await (await request.get('/api/dev/outbox')).text();
    for (const row of html.matchAll(/<tr><td>[^<]*<\/td><td>([^<]*)<\/td><td><a href="([^"]+)">([^<]*)<\/a><\/td><\/tr>/g)) {
      if (row[1]!.includes(to) && row[3]!.includes(subject)) return decodeBody(await (await request.get(row[2]!)).text());
    }
    if (Date.now() > deadline) throw new Error(`no e-mail "${subject}" to ${to} in the outbox`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function firstLink(text: string, contains: string): string {
  const link = text.match(/https?:\/\/\S+/g)?.find((u) => u.includes(contains));
  if (!link) throw new Error(`no link with ${contains} in:\n${text}`);
  return link;
}
