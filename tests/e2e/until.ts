// Waiting in a browser test for something the hall does in the background (a site rebuild,
// a search update): probe until it answers, or fail with what was awaited.

/**
 * Calls `probe` four times a second until it returns a value; a thrown error counts as "not
 * yet". A probe is one small request: asking often costs nothing, and the test goes on
 * within a quarter of a second of the site or index being ready.
 */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A refused connection while the site switches builds is just "not yet".
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
