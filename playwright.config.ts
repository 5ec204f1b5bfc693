import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { findChromium } from './tests/e2e/chromium.ts';

// The browser tests run against the real hall: `node api/runtime/start.ts`, exactly what
// `npm start` runs, with its own data folder and port.
const port = Number(process.env.E2E_PORT ?? 4399);
const baseURL = `http://localhost:${port}`;
// A fresh data folder per run (the hall's database, images and outbox: about 250 MB), made
// once: the test workers read this config again and inherit the variable. Removed when the
// run's main process exits, after the hall has stopped; one given by E2E_DATA_DIR is kept.
if (!process.env.E2E_DATA_DIR) {
  const made = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-e2e-'));
  process.env.E2E_DATA_DIR = made;
  process.on('exit', () => fs.rmSync(made, { recursive: true, force: true }));
}
const dataDir = process.env.E2E_DATA_DIR;
const executablePath = findChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      // Closed network here: keep Chromium from reaching out on its own.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node api/runtime/start.ts',
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    // Every browser in these tests is one client (localhost): allow a test run's worth of writes.
    env: { PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: baseURL, LOG_LEVEL: 'warn', RATE_LIMIT_WRITES: '600', RATE_LIMIT_SIGN_INS: '600' },
  },
});
