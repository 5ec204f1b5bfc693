// A secret link sealed for the job queue: an account e-mail's link (verification, password
// reset) carries a token that must not lie readable in pgboss.job while the e-mail waits.
// AES-256-GCM under a key derived from the app secret (HMAC, its own label), a random IV per
// link; the worker opens it just before sending. Anyone reading the jobs table without the
// secret learns nothing of the token, and a changed sealed text fails to open.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';

const keyOf = (secret: string) => createHmac('sha256', secret).update('pavilion:sealed-link:v1').digest();

export function sealLink(secret: string, link: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(link, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The link; throws when the text was not sealed with this secret or was changed. */
export function openLink(secret: string, sealed: string): string {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== VERSION || !iv || body === undefined || !tag) throw new Error('Not a sealed link.');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
