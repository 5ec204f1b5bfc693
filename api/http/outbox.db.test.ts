// The development outbox lists every recipient and every account link: served on a laptop
// hall (loopback), or where DEV_OUTBOX=1 says so, and nowhere else. E-mails are written to the
// folder either way, for the operator.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createMailer } from '../mail/transport.ts';
import { createApi } from './app.ts';
import { servesOutbox } from './routes/outbox.ts';

const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-outbox-route-'));
let handle: Awaited<ReturnType<typeof createTestDatabase>>;

const hall = (env: Record<string, string>) => {
  const config = { ...loadConfig({ AUTH_SECRET: 'o'.repeat(40), ...env }), mail: { smtpUrl: undefined, from: 'Pavilion <meetings@hall.test>', outboxDir } };
  return { config, app: createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, outboxDir }) };
};

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  fs.rmSync(outboxDir, { recursive: true, force: true });
});

describe('servesOutbox', () => {
  it.each([
    [{ PUBLIC_URL: 'http://localhost:4321' }, true],
    [{ PUBLIC_URL: 'http://127.0.0.1:4321' }, true],
    [{ PUBLIC_URL: 'http://[::1]:4321', HOST: '::1' }, true],
    [{}, true], // the defaults: http://localhost:4321 on 127.0.0.1
    [{ PUBLIC_URL: 'https://hall.example.org' }, false],
    [{ PUBLIC_URL: 'http://192.168.1.20:4321' }, false],
    [{ PUBLIC_URL: 'http://localhost.example.org' }, false],
    // Loopback links, but listening on every interface: others can reach the page.
    [{ PUBLIC_URL: 'http://localhost:4321', HOST: '0.0.0.0' }, false],
    [{ PUBLIC_URL: 'https://hall.example.org', DEV_OUTBOX: '1' }, true],
    [{ PUBLIC_URL: 'http://localhost:4321', DEV_OUTBOX: '0' }, false],
    [{ PUBLIC_URL: 'http://localhost:4321', DEV_OUTBOX: '' }, true],
  ])('%j: %s', (env, served) => {
    expect(servesOutbox(loadConfig(env))).toBe(served);
  });

  it('refuses another value of DEV_OUTBOX', () => {
    expect(() => loadConfig({ DEV_OUTBOX: 'yes' })).toThrow(/DEV_OUTBOX/);
  });
});

describe('/api/dev/outbox', () => {
  it('is not there on a public hall, whose e-mails still land in the folder; a laptop hall lists them', async () => {
    const published = hall({ PUBLIC_URL: 'https://hall.example.org' });
    await createMailer(published.config.mail).send({ key: 'account-reset-1', to: 'owner@hanbit.example', subject: 'Reset your Pavilion password', text: 'https://hall.example.org/api/auth/reset-password/secret' });
    const files = fs.readdirSync(outboxDir);
    expect(files).toEqual(['account-reset-1.eml']);

    for (const url of ['/dev/outbox', `/dev/outbox/${files[0]}`]) {
      const res = await published.app.request(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await res.text()).not.toContain('owner@hanbit.example');
    }

    const laptop = hall({ PUBLIC_URL: 'http://localhost:4399' });
    const list = await laptop.app.request('/dev/outbox');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('owner@hanbit.example');
    expect((await laptop.app.request(`/dev/outbox/${files[0]}`)).status).toBe(200);

    // The operator of a public hall may still ask for it.
    expect((await hall({ PUBLIC_URL: 'https://hall.example.org', DEV_OUTBOX: '1' }).app.request('/dev/outbox')).status).toBe(200);
    expect((await hall({ PUBLIC_URL: 'http://localhost:4399', DEV_OUTBOX: '0' }).app.request('/dev/outbox')).status).toBe(404);
  });
});
