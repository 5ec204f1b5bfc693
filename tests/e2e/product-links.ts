// Picking a product to look at in a browser test. Grids list the newest product first, and
// other tests approve products of their own (some without pictures) into the shared hall:
// a test that needs a product's pictures asks for one that has them.
import type { Page } from '@playwright/test';

/** The first product linked from the page (in document order) whose page shows a gallery. */
export async function firstProductWithPictures(page: Page): Promise<string> {
  const hrefs = await page.locator('main a[href^="/products/"]').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!))]);
  for (const href of hrefs) {
    const html = await (await page.request.get(href)).text();
    if (/<div class="gallery[^"]*"[^>]*>\s*<picture[\s>]/.test(html)) return href;
  }
  throw new Error(`no product linked from ${page.url()} has pictures`);
}
