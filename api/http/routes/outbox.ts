// The development outbox: without SMTP_URL, e-mails are written to files and listed here so
// people trying the hall can read them. Not registered when real mail is sent, nor on a hall
// others can reach (see servesOutbox): the list holds every address and every account link.
import fs from 'node:fs';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { escapeHtml as e } from '../../lib/html.ts';
import { decodeMimeWords } from '../../lib/mime-words.ts';
import { NotFoundError } from '../../errors.ts';
import type { Config } from '../../config.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Whether /api/dev/outbox is served: as DEV_OUTBOX says, else only when both the public
 * address and the listening one are loopback (a laptop demo, the browser tests). A hall
 * anyone else can reach still writes its e-mails to the folder, for its operator.
 */
export function servesOutbox(config: Pick<Config, 'devOutbox' | 'publicUrl' | 'host'>): boolean {
  if (config.devOutbox !== undefined) return config.devOutbox;
  return LOOPBACK.has(new URL(config.publicUrl).hostname) && LOOPBACK.has(config.host);
}

function header(raw: string, name: string): string {
  const m = new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'mi').exec(raw);
  return m ? decodeMimeWords(m[1]!.replace(/\r?\n[ \t]/g, ' ')) : '';
}

export function registerOutbox(app: OpenAPIHono, outboxDir: string) {
  app.get('/dev/outbox', (c) => {
    const files = fs.existsSync(outboxDir)
      ? fs.readdirSync(outboxDir).filter((f) => f.endsWith('.eml')).map((f) => ({ f, t: fs.statSync(path.join(outboxDir, f)).mtimeMs })).sort((a, b) => b.t - a.t)
      : [];
    const rows = files.slice(0, 200).map(({ f, t }) => {
      const raw = fs.readFileSync(path.join(outboxDir, f), 'utf8');
      return `<tr><td>${e(new Date(t).toISOString())}</td><td>${e(header(raw, 'To'))}</td><td><a href="/api/dev/outbox/${encodeURIComponent(f)}">${e(header(raw, 'Subject'))}</a></td></tr>`;
    });
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Outbox · Pavilion</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem}td,th{padding:.25rem .75rem;text-align:left;border-bottom:1px solid #ddd}</style></head>
<body><main><h1>Development outbox</h1><p>E-mails the hall would have sent (set <code>SMTP_URL</code> to send them). ${files.length} in all.</p>
<table><thead><tr><th>Written</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows.join('')}</tbody></table></main></body></html>`);
  });
  app.get('/dev/outbox/:file', (c) => {
    const file = c.req.param('file');
    if (!/^[A-Za-z0-9._-]+\.eml$/.test(file) || !fs.existsSync(path.join(outboxDir, file))) throw new NotFoundError('No such message.');
    c.header('Cache-Control', 'no-store');
    return c.body(fs.readFileSync(path.join(outboxDir, file)), 200, { 'Content-Type': 'text/plain; charset=utf-8' });
  });
}
