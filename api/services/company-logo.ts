// A company's logo from the portal: the same checks and re-encoding as product images, at
// logo sizes; the row and its site and search jobs in one transaction, the old files removed
// after the commit.
import { InvalidInputError, UnprocessableError } from '../errors.ts';
import type { SessionUser } from '../auth/user.ts';
import { processImage } from '../images/process.ts';
import { storeProcessedImage } from '../images/store.ts';
import { enqueueCatalogueChange } from '../jobs/catalogue-jobs.ts';
import { findCompanyLogo, publishedProductIds, setCompanyLogo } from '../repositories/companies.ts';
import { companyAccess } from './portal-company.ts';
import type { ImageDeps } from './product-images.ts';
import { logoView } from './logo-view.ts';

const LOGO_WIDTHS = [160, 320, 640];

export async function setLogo(deps: ImageDeps, companySlug: string, user: SessionUser, file: Uint8Array) {
  if (!deps.images) throw new UnprocessableError('Image uploads are not configured on this server.', { code: 'uploads-unconfigured' });
  const m = await companyAccess(deps, companySlug, user);
  const processed = await processImage(file, { widths: LOGO_WIDTHS, fallbackWidth: 320 });
  if (!processed.ok) throw new InvalidInputError(processed.message, { code: processed.code });
  const stored = await storeProcessedImage(deps.images, processed);
  let previous: string | null = null;
  try {
    await deps.db.transaction().execute(async (trx) => {
      previous = (await findCompanyLogo(trx, m.companyId))?.key ?? null;
      await setCompanyLogo(trx, m.companyId, { key: stored.storageKey, logo: { width: stored.width, height: stored.height, variants: stored.variants } });
      await enqueueCatalogueChange(deps.jobs, trx, { companyIds: [m.companyId], productIds: await publishedProductIds(trx, m.companyId), reason: `logo of ${companySlug}` });
    });
  } catch (err) {
    await deps.images.delete(stored.storageKey).catch(() => {});
    throw err;
  }
  if (previous) await deps.images.delete(previous).catch(() => {});
  return { logo: logoView(stored.storageKey, { width: stored.width, height: stored.height, variants: stored.variants }) };
}

export async function removeLogo(deps: ImageDeps, companySlug: string, user: SessionUser) {
  const m = await companyAccess(deps, companySlug, user);
  const previous = await deps.db.transaction().execute(async (trx) => {
    const old = await findCompanyLogo(trx, m.companyId);
    await setCompanyLogo(trx, m.companyId, null);
    if (old) await enqueueCatalogueChange(deps.jobs, trx, { companyIds: [m.companyId], productIds: await publishedProductIds(trx, m.companyId), reason: `logo of ${companySlug}` });
    return old?.key;
  });
  if (previous) await deps.images?.delete(previous).catch(() => {});
  return { logo: null };
}
