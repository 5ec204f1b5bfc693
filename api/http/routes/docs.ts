// Readable API docs rendered on the server from the OpenAPI document: no external scripts,
// so they work offline and under a strict Content-Security-Policy.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { escapeHtml as e } from '../../lib/html.ts';

type Doc = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, { summary?: string; tags?: string[]; parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[]; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { description: string }> }>>;
  components?: { schemas?: Record<string, unknown> };
};

export function renderDocs(doc: Doc): string {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = (op.parameters ?? [])
        .map((p) => `<li><code>${e(p.name)}</code> (${e(p.in)}${p.required ? ', required' : ''})</li>`)
        .join('');
      const body = op.requestBody ? Object.values(op.requestBody.content)[0]?.schema : undefined;
      const responses = Object.entries(op.responses)
        .map(([code, r]) => `<li><code>${e(code)}</code> ${e(r.description)}</li>`)
        .join('');
      return `<section><h2><span class="m">${e(method.toUpperCase())}</span> <code>/api${e(path)}</code></h2>
<p>${e(op.summary ?? '')}</p>${params ? `<h3>Parameters</h3><ul>${params}</ul>` : ''}
${body ? `<h3>Body</h3><pre>${e(JSON.stringify(body, null, 2))}</pre>` : ''}<h3>Responses</h3><ul>${responses}</ul></section>`;
    }),
  );
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(([name, s]) => `<section id="schema-${e(name)}"><h2>${e(name)}</h2><pre>${e(JSON.stringify(s, null, 2))}</pre></section>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(doc.info.title)} ${e(doc.info.version)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
pre{background:#f4f4f6;padding:.75rem;overflow:auto;font-size:13px}.m{background:#0b5cad;color:#fff;padding:0 .4rem;border-radius:3px;font-size:.9em}
section{border-top:1px solid #ddd;padding-top:.5rem}</style></head><body><main>
<h1>${e(doc.info.title)} <small>${e(doc.info.version)}</small></h1><p>${e(doc.info.description ?? '')}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors are
<code>application/problem+json</code> (RFC 9457).</p>${ops.join('')}<h1>Schemas</h1>${schemas}</main></body></html>`;
}

export const OPENAPI_INFO = {
  title: 'Pavilion API',
  version: '0.1.0',
  description: 'Every write of the Pavilion exhibition hall: meeting requests and scheduling, search, health.',
};

export function registerDocs(app: OpenAPIHono) {
  app.doc31('/openapi.json', { openapi: '3.1.0', info: OPENAPI_INFO });
  app.get('/docs', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    return c.html(renderDocs(app.getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO }) as unknown as Doc));
  });
}
