// `npm start`: the whole hall from one command on embedded defaults. Database (PGlite or
// DATABASE_URL), migrations, demo data when empty, the search engine and its index, the
// static site, then site + API on one port. Ctrl-C stops everything, children included.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.ts';
import { withAuthSecret } from './auth-secret.ts';
import { createAuth } from '../auth/auth.ts';
import { createDemoAccounts, DEMO_OWNER, DEMO_STAFF } from './demo-accounts.ts';
import { seedDemoImages } from '../seed/images.ts';
import { fileImageStore } from '../images/store.ts';
import { queueAccountMail } from '../jobs/account-mail-jobs.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createLogger } from '../lib/logger.ts';
import { isDatabaseEmpty, seedDemoData } from '../seed/seed.ts';
import { createApi } from '../http/app.ts';
import { servesOutbox } from '../http/routes/outbox.ts';
import { createHallApp, listen } from './server.ts';
import { createSiteBuilder } from './site-builder.ts';
import { startSearch, type SearchRuntime } from './search-runtime.ts';
import { startJobQueue, type JobQueue } from '../jobs/queue.ts';
import { startWorkers } from '../jobs/workers.ts';
import { enqueueSiteRefresh } from '../jobs/catalogue-jobs.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const config = withAuthSecret(loadConfig());
const log = createLogger(config.logLevel);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

let database: DatabaseHandle | undefined;
let search: SearchRuntime | undefined;
let jobs: JobQueue | undefined;
let server: { close: () => Promise<void> } | undefined;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  log.info('Stopping…');
  await server?.close().catch(() => {});
  await jobs?.stop().catch(() => {});
  await search?.stop().catch(() => {});
  await database?.close().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  log.info(`Pavilion starting (data in ${path.relative(root, config.dataDir) || '.'})`);
  database = await openDatabase({
    url: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite'),
    onIdleError: (err) => log.warn(`Database connection lost: ${err.message}`),
  });
  const { db } = database;
  log.info(`Database: ${database.kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL server'}`);
  const applied = await migrateToLatest(db);
  const images = fileImageStore(config.imagesDir);
  if (applied.length) log.info(`Migrations applied: ${applied.join(', ')}`);

  if (await isDatabaseEmpty(db)) {
    log.info('Empty database: seeding demo data…');
    const summary = await seedDemoData(db, {});
    const pictures = await seedDemoImages(db, images);
    const auth = createAuth({ db, config, log, sendMail: async () => {} });
    const demo = await createDemoAccounts(auth, db);
    log.info(`Demo data: ${JSON.stringify({ ...summary, productImages: pictures })} (${elapsed()})`);
    log.info(`Demo sign-ins at ${config.publicUrl}/portal/: staff ${DEMO_STAFF.email} / ${DEMO_STAFF.password}; ` +
      `owner of ${demo.company} ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`);
  }

  jobs = await startJobQueue(database, log, { leaseSeconds: config.jobs.leaseSeconds });

  const site = createSiteBuilder({ db, readers: database.readers, root, dataDir: config.dataDir, publicUrl: config.publicUrl, log, processes: config.site.buildProcesses });
  log.info('Starting search and building the site…');
  // Independent: the engine is its own process, so the index builds while Astro renders.
  const [searchRuntime, siteResult] = await Promise.all([
    startSearch({ db, config, log }),
    site.ensureBuilt(),
  ]);
  search = searchRuntime;
  log.info(`Site: ${siteResult === 'reused' ? 'unchanged since the last build, reused' : siteResult} (${elapsed()})`);

  // Workers once search and site are up: catalogue changes update both.
  const mailer = await startWorkers(jobs, { db, config, log, searchClient: () => searchRuntime.client, site });
  if (config.site.refreshMinutes > 0) {
    // New buyers change the home page's figures without touching the catalogue; unref'd,
    // so the timer never keeps a stopping hall alive.
    const queue = jobs;
    setInterval(() => {
      enqueueSiteRefresh(queue, db, 'programme figures').catch((err) => log.warn(`Site refresh not queued: ${(err as Error).message}`));
    }, config.site.refreshMinutes * 60_000).unref();
  }
  log.info(mailer.kind === 'smtp' ? 'E-mail: sent through SMTP_URL'
    : servesOutbox(config) ? `E-mail: written to the outbox (${config.publicUrl}/api/dev/outbox); set SMTP_URL to send`
    : `E-mail: written to ${config.mail.outboxDir}, not listed on the web (PUBLIC_URL or HOST beyond loopback, or DEV_OUTBOX=0; DEV_OUTBOX=1 lists them); set SMTP_URL to send`);

  const api = createApi({
    db,
    dbKind: database.kind,
    config,
    log,
    search: () => searchRuntime.search,
    searchHall: () => searchRuntime.searchHall,
    jobs,
    sendAccountMail: queueAccountMail(jobs),
    images,
    outboxDir: mailer.kind === 'outbox' ? config.mail.outboxDir : undefined,
    health: { search: () => searchRuntime.health(), site: () => site.state() },
  });
  server = await listen(createHallApp(api, site.servedDir, config.publicUrl), config.port, config.host);
  log.info(`\nPavilion is open at ${config.publicUrl}/  (API docs: ${config.publicUrl}/api/docs; ready in ${elapsed()})`);
  log.info('Press Ctrl-C to stop.');
} catch (err) {
  log.error('Pavilion could not start', err);
  await stop(1);
}
