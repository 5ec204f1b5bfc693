// The secret that signs session cookies: AUTH_SECRET, or else one made once and kept in
// DATA_DIR (readable by this user only), so sessions survive a restart of `npm start`.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';

export function withAuthSecret(config: Config): Config {
  if (config.auth.secret) return config;
  const file = path.join(config.dataDir, 'auth-secret');
  fs.mkdirSync(config.dataDir, { recursive: true });
  if (!fs.existsSync(file)) {
    try {
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process made it first
    }
  }
  return { ...config, auth: { secret: fs.readFileSync(file, 'utf8').trim() } };
}
