// Finds a Chromium for the browser tests: CHROMIUM_PATH, the system's (Debian's
// /usr/bin/chromium), or Playwright's own browser where a user installed one.
import fs from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** undefined means: use Playwright's own browser. Throws with instructions when none exists. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const wanted = env.CHROMIUM_PATH;
  if (wanted) {
    if (fs.existsSync(wanted)) return wanted;
    throw new Error(`CHROMIUM_PATH is set to ${wanted}, but no file is there.`);
  }
  const system = SYSTEM.find((p) => fs.existsSync(p));
  if (system) return system;
  try {
    if (fs.existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright has no browser of its own here.
  }
  throw new Error(
    'No Chromium found for the browser tests. Install one: `sudo apt-get install chromium fonts-noto-cjk` ' +
      '(Debian/Ubuntu), or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium binary.',
  );
}
