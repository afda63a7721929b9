import "server-only";

/**
 * Changes that must not overlap on the same application (two rotates from two tabs would issue
 * two pairs, and the first one shown would already be dead). Together with the client-ID check a
 * rotate makes, it keeps a second tab from rotating again.
 *
 * Per process, in memory: behind a load balancer each copy holds its own locks. The database-backed
 * lock has the same signature, so the change pipeline swaps one for the other in one place
 * (lib/applications/changes/dependencies.ts).
 */
const held = new Map<string, number>();

/**
 * Takes the lock on `key` for at most `ttlMs` (a crashed holder must not lock the application for
 * ever); null while another holder has it. Call the result when done: releasing twice is harmless.
 */
export async function acquireChangeLock(
  key: string,
  ttlMs: number,
): Promise<(() => Promise<void>) | null> {
  const now = Date.now();
  if ((held.get(key) ?? 0) > now) return null;
  const expires = now + ttlMs;
  held.set(key, expires);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    // Only our own hold: after a time-out another holder may have taken the key.
    if (held.get(key) === expires) held.delete(key);
  };
}
