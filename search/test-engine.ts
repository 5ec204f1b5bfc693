// A real engine for a test file, in its own temporary folder; stop() ends it and cleans up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { createSearchClient } from './client.ts';
import { isSearchOff, startSearchEngine, type SearchEngine } from './engine.ts';

export type TestEngine = { engine: SearchEngine; client: Meilisearch; dataDir: string; stop: () => Promise<void> };

export async function startTestEngine(name: string): Promise<TestEngine> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `pavilion-${name}-`));
  const started = await startSearchEngine({ dataDir, log: { info: () => {}, warn: () => {} } });
  if (isSearchOff(started)) throw new Error(`These tests need the engine: ${started.reason}`);
  return {
    engine: started,
    client: createSearchClient(started),
    dataDir,
    stop: async () => {
      await started.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
