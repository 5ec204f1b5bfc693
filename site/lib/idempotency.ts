// A meeting request the buyer sends again must not book twice. The form sends an
// Idempotency-Key: the same one while the buyer retries the same request (an answer lost to
// the network is then replayed by the API, not booked a second time), a new one as soon as
// anything in the request changed (the API refuses a known key with another body).

/** One request as sent: its body and the key it went with. */
export type Attempt = { body: string; key: string };

/** The attempt for sending `body`: the last one again when nothing changed, else a fresh key. */
export function attemptFor(last: Attempt | null, body: string, newKey: () => string = randomKey): Attempt {
  return last !== null && last.body === body ? last : { body, key: newKey() };
}

/** 128 random bits in hex (crypto.randomUUID exists only on HTTPS pages and localhost). */
export function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
