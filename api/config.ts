// The one module that reads the environment. Everything else receives a Config.
import path from 'node:path';
import { z } from 'zod';

const optionalUrl = z.url().optional().or(z.literal('').transform(() => undefined));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(4321),
  HOST: z.string().min(1).default('127.0.0.1'),
  // Reverse proxies in front of the hall that append X-Forwarded-For (0: served directly).
  // The per-client limits then count the address the outermost of them saw.
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  DATA_DIR: z.string().min(1).default('.data'),
  // Where uploaded images and their variants live (default: DATA_DIR/images), e.g. a mounted
  // volume shared by every API process.
  IMAGES_DIR: z.string().min(1).optional().or(z.literal('').transform(() => undefined)),
  DATABASE_URL: optionalUrl,
  TEST_DATABASE_URL: optionalUrl,
  MEILI_URL: optionalUrl,
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_BIN: z.string().optional(),
  PUBLIC_URL: optionalUrl,
  VIDEO_BASE_URL: z.url().default('https://meet.jit.si/'),
  SMTP_URL: optionalUrl,
  // The development outbox page lists every e-mail and its links: served on a loopback hall
  // (a laptop demo) unless 0, elsewhere only with 1.
  DEV_OUTBOX: z.enum(['0', '1']).optional().or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default('Pavilion video consultations <meetings@pavilion.localhost>'),
  SLOT_MINUTES: z.coerce.number().int().min(10).max(240).default(30),
  ROOM_BUFFER_MINUTES: z.coerce.number().int().min(0).max(120).default(10),
  MIN_NOTICE_MINUTES: z.coerce.number().int().min(0).default(120),
  HORIZON_DAYS: z.coerce.number().int().min(1).max(365).default(28),
  // How long a slot stays held for a company that confirms its meetings.
  HOLD_HOURS: z.coerce.number().min(0.1).max(168).default(24),
  // Signs session cookies and tokens; at least 32 characters. Without it the hall keeps a
  // random one in DATA_DIR (see api/auth/secret.ts).
  AUTH_SECRET: z.string().min(32).optional(),
  // Per client and minute, per API process; 0 turns a limit off (the booking benchmark does).
  RATE_LIMIT_WRITES: z.coerce.number().int().min(0).default(30),
  RATE_LIMIT_READS: z.coerce.number().int().min(0).default(600),
  // Manage links that do not exist, per client and minute, before its manage links answer 429.
  RATE_LIMIT_TOKEN_MISSES: z.coerce.number().int().min(0).default(10),
  // Password sign-ins per client address and minute (all processes: kept in the database).
  // Staff behind one office address share it; a browser test suite signs in far more often.
  RATE_LIMIT_SIGN_INS: z.coerce.number().int().min(1).default(5),
  // How often the hall checks whether the home page's programme figures (buyers, countries)
  // changed and rebuilds the site if so; 0 turns it off. Catalogue edits rebuild at once.
  SITE_REFRESH_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
  // Site build processes run at once in a full build, each rendering a shard of the products
  // and companies. Two on two cores build about a third faster, but each holds Astro's own
  // 700 MB or so: one keeps a build's memory under 2 GB.
  SITE_BUILD_PROCESSES: z.coerce.number().int().min(1).max(16).default(1),
  // How long a process may hold an e-mail or search-sync job before another process takes it
  // over: a process killed outright never hands its jobs back. Longer than a batch of ten such
  // jobs ever takes, or a slow batch is run twice.
  JOB_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  trustProxyHops: number;
  dataDir: string;
  imagesDir: string;
  databaseUrl: string | undefined;
  /** Server on which tests and benchmarks create scratch databases (default: databaseUrl). */
  testDatabaseUrl: string | undefined;
  meili: { url: string | undefined; masterKey: string | undefined; bin: string | undefined };
  publicUrl: string;
  videoBaseUrl: string;
  mail: { smtpUrl: string | undefined; from: string; outboxDir: string };
  /** DEV_OUTBOX: serve /api/dev/outbox (true), never (false), or only on a loopback hall (undefined). */
  devOutbox: boolean | undefined;
  scheduling: {
    slotMinutes: number;
    roomBufferMinutes: number;
    minNoticeMinutes: number;
    horizonDays: number;
    holdHours: number;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  site: { refreshMinutes: number; buildProcesses: number };
  jobs: { leaseSeconds: number };
  auth: { secret: string | undefined };
  rateLimits: { writesPerMinute: number; readsPerMinute: number; tokenMissesPerMinute: number; signInsPerMinute: number };
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    dataDir: path.resolve(e.DATA_DIR),
    imagesDir: path.resolve(e.IMAGES_DIR ?? path.join(e.DATA_DIR, 'images')),
    databaseUrl: e.DATABASE_URL,
    testDatabaseUrl: e.TEST_DATABASE_URL ?? e.DATABASE_URL,
    meili: { url: e.MEILI_URL, masterKey: e.MEILI_MASTER_KEY, bin: e.MEILI_BIN },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    videoBaseUrl: e.VIDEO_BASE_URL.endsWith('/') ? e.VIDEO_BASE_URL : `${e.VIDEO_BASE_URL}/`,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, outboxDir: path.join(path.resolve(e.DATA_DIR), 'outbox') },
    devOutbox: e.DEV_OUTBOX === undefined ? undefined : e.DEV_OUTBOX === '1',
    scheduling: {
      slotMinutes: e.SLOT_MINUTES,
      roomBufferMinutes: e.ROOM_BUFFER_MINUTES,
      minNoticeMinutes: e.MIN_NOTICE_MINUTES,
      horizonDays: e.HORIZON_DAYS,
      holdHours: e.HOLD_HOURS,
    },
    logLevel: e.LOG_LEVEL,
    site: { refreshMinutes: e.SITE_REFRESH_MINUTES, buildProcesses: e.SITE_BUILD_PROCESSES },
    jobs: { leaseSeconds: e.JOB_LEASE_SECONDS },
    auth: { secret: e.AUTH_SECRET },
    rateLimits: { writesPerMinute: e.RATE_LIMIT_WRITES, readsPerMinute: e.RATE_LIMIT_READS, tokenMissesPerMinute: e.RATE_LIMIT_TOKEN_MISSES, signInsPerMinute: e.RATE_LIMIT_SIGN_INS },
  };
}
