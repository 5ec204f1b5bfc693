import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('keeps images under the data folder unless IMAGES_DIR says otherwise', () => {
    expect(loadConfig({}).imagesDir).toBe(path.resolve('.data/images'));
    expect(loadConfig({ DATA_DIR: '/srv/hall' }).imagesDir).toBe('/srv/hall/images');
    expect(loadConfig({ DATA_DIR: '/srv/hall', IMAGES_DIR: '/mnt/images' }).imagesDir).toBe('/mnt/images');
    expect(loadConfig({ IMAGES_DIR: 'uploads' }).imagesDir).toBe(path.resolve('uploads'));
    expect(loadConfig({ IMAGES_DIR: '' }).imagesDir).toBe(path.resolve('.data/images'));
  });

  it('refuses nonsense with the setting named', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ RATE_LIMIT_SIGN_INS: '0' })).toThrow(/RATE_LIMIT_SIGN_INS/);
    expect(() => loadConfig({ DEV_OUTBOX: 'yes' })).toThrow(/DEV_OUTBOX/);
    expect(() => loadConfig({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ SITE_BUILD_PROCESSES: '0' })).toThrow(/SITE_BUILD_PROCESSES/);
    expect(() => loadConfig({ SITE_BUILD_PROCESSES: 'two' })).toThrow(/SITE_BUILD_PROCESSES/);
    expect(() => loadConfig({ JOB_LEASE_SECONDS: '1' })).toThrow(/JOB_LEASE_SECONDS/);
    expect(() => loadConfig({ JOB_LEASE_SECONDS: '2.5' })).toThrow(/JOB_LEASE_SECONDS/);
  });

  it('reads the defaults a laptop demo needs', () => {
    const c = loadConfig({});
    expect(c.publicUrl).toBe('http://localhost:4321');
    expect(c.rateLimits).toEqual({ writesPerMinute: 30, readsPerMinute: 600, tokenMissesPerMinute: 10, signInsPerMinute: 5 });
    expect(c.mail.outboxDir).toBe(path.resolve('.data/outbox'));
    expect(c.site).toEqual({ refreshMinutes: 60, buildProcesses: 1 });
    expect(loadConfig({ SITE_BUILD_PROCESSES: '2' }).site.buildProcesses).toBe(2);
    expect(c.jobs).toEqual({ leaseSeconds: 120 });
    expect(loadConfig({ JOB_LEASE_SECONDS: '8' }).jobs.leaseSeconds).toBe(8);
  });
});
