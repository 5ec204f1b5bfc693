// Content-Security-Policy violations seen by a browser test: those the page reports
// (securitypolicyviolation events, in every page of the context from the first load on) and
// those Chromium only writes to the console.
import type { Page } from '@playwright/test';

export type Violation = { page: string; directive: string; blocked: string; sample: string; source: string };

/** Collects CSP violations from the page (securitypolicyviolation) and from the console. */
export async function watchCsp(page: Page): Promise<{ violations: Violation[]; console: string[] }> {
  const seen = { violations: [] as Violation[], console: [] as string[] };
  await page.exposeFunction('__cspViolation', (v: Violation) => { seen.violations.push(v); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (v: unknown) => void }).__cspViolation({
        page: location.pathname, directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}`,
      });
    });
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to (execute|load|apply|connect|evaluate)/i.test(m.text())) seen.console.push(m.text());
  });
  return seen;
}
