// Where a buyer's e-mail address must never turn up: the processes' logs, the hall's data
// folder (the built site, search stamps, images), the search indexes' documents and the
// URLs the API hands out. The outbox (mail is sent to buyers) and the database (it holds
// their bookings) are where addresses belong, so they are not swept.
import fs from 'node:fs';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';

const ADDRESS = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

/** The known addresses that occur in a text (also percent-encoded, as in a URL). */
export function addressesIn(text: string, known: ReadonlySet<string>): string[] {
  const decoded = text.replace(/%40/gi, '@');
  return [...new Set([...decoded.matchAll(ADDRESS)].map((m) => m[0].toLowerCase()).filter((a) => known.has(a)))];
}

/** Every file under `root` (but the folders named in `skip`) that holds a known address. */
export function sweepFolder(root: string, known: ReadonlySet<string>, skip: readonly string[] = []): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skip.includes(path.relative(root, full))) walk(full);
      } else if (entry.isFile()) {
        // latin1 reads any bytes; an address is ASCII whatever the file's encoding.
        const hits = addressesIn(fs.readFileSync(full).toString('latin1'), known);
        if (hits.length) found.push(`${path.relative(root, full)}: ${hits.slice(0, 3).join(', ')}`);
      }
    }
  };
  walk(root);
  return found;
}

/** Every document of every index that holds a known address. */
export async function sweepIndexes(client: Meilisearch, known: ReadonlySet<string>): Promise<{ documents: number; found: string[] }> {
  const found: string[] = [];
  let documents = 0;
  for (const { uid } of (await client.getIndexes({ limit: 100 })).results) {
    for (let offset = 0; ; offset += 1000) {
      const page = await client.index(uid).getDocuments({ limit: 1000, offset });
      documents += page.results.length;
      for (const doc of page.results) {
        const hits = addressesIn(JSON.stringify(doc), known);
        if (hits.length) found.push(`index ${uid}, document ${String(doc.id)}: ${hits.slice(0, 3).join(', ')}`);
      }
      if (page.results.length < 1000) break;
    }
  }
  return { documents, found };
}
