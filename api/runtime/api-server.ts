// The API alone, without the site or search: one of several stateless API processes in
// front of one PostgreSQL server (used by the concurrency test and the booking benchmark).
import { Hono } from 'hono';
import { loadConfig } from '../config.ts';
import { withAuthSecret } from './auth-secret.ts';
import { fileImageStore } from '../images/store.ts';
import { queueAccountMail } from '../jobs/account-mail-jobs.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createLogger } from '../lib/logger.ts';
import { createApi } from '../http/app.ts';
import { listen } from './server.ts';
import { startJobQueue } from '../jobs/queue.ts';
import { startWorkers } from '../jobs/workers.ts';

const config = withAuthSecret(loadConfig());
const log = createLogger(config.logLevel);
if (!config.databaseUrl) {
  log.error('The API alone needs DATABASE_URL: embedded PGlite serves one process only (use npm start).');
  process.exit(2);
}
const database = await openDatabase({ url: config.databaseUrl, poolSize: 20, onIdleError: (err) => log.warn(`Database connection lost: ${err.message}`) });
await migrateToLatest(database.db);
const jobs = await startJobQueue(database, log, { leaseSeconds: config.jobs.leaseSeconds });
const mailer = await startWorkers(jobs, { db: database.db, config, log });
const app = new Hono().route('/api', createApi({
  db: database.db, dbKind: database.kind, config, log, jobs, sendAccountMail: queueAccountMail(jobs),
  images: fileImageStore(config.imagesDir),
  outboxDir: mailer.kind === 'outbox' ? config.mail.outboxDir : undefined,
}));
const server = await listen(app, config.port, config.host);
log.info(`API listening on http://${config.host}:${config.port}/api (pid ${process.pid})`);

const stop = async () => {
  await server.close();
  await jobs.stop();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
