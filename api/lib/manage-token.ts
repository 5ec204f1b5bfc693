// The buyer's private manage token, derived from the server's secret and the
// consultation's random video room: 256 bits nobody can guess without the secret, and
// recomputable whenever an e-mail needs the link (the database keeps only its hash).
import { createHmac } from 'node:crypto';
import type { Config } from '../config.ts';

/** Used only when no AUTH_SECRET is configured and none was kept in DATA_DIR (tests). */
const UNCONFIGURED = 'pavilion-unconfigured-development-secret';

export const appSecret = (config: Pick<Config, 'auth'>): string => config.auth.secret ?? UNCONFIGURED;

export function manageTokenFor(secret: string, videoRoom: string): string {
  return createHmac('sha256', secret).update(`manage:${videoRoom}`).digest('base64url');
}
