import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, lte, sql } from "drizzle-orm";
import { getDb, type Database } from "@/lib/db/connection";
import { changeLocks } from "@/lib/db/schema";
import { log } from "@/lib/log";

/**
 * Locks that keep two changes of one application (two rotates from two tabs, or from two console
 * processes) from overlapping: the second would issue a second pair, and the first one shown would
 * already be dead. A lock is a row; if its process dies, the lock expires after its time-to-live
 * and the next caller takes it over.
 */

/** Frees the lock. Never throws; calling it again does nothing. */
export type ReleaseChangeLock = () => Promise<void>;

/**
 * Takes the lock `key` (for example `rotate:<entityId>:<applicationId>`) for at most `ttlMs`, or
 * returns null while another holder's lock is still valid. Atomic: of simultaneous callers in any
 * processes, exactly one gets it. Choose `ttlMs` longer than the change can take (Wink's timeout
 * plus margin): past it another caller may take the lock. Throws when the database fails.
 */
export async function acquireChangeLock(
  key: string,
  ttlMs: number,
  db: Database = getDb(),
): Promise<ReleaseChangeLock | null> {
  const holder = randomUUID();
  const expiresAt = sql`now() + ${ttlMs}::double precision * interval '1 millisecond'`;
  const taken = await db
    .insert(changeLocks)
    .values({ key, holder, expiresAt })
    .onConflictDoUpdate({
      target: changeLocks.key,
      set: { holder, expiresAt },
      where: lte(changeLocks.expiresAt, sql`now()`),
    })
    .returning({ holder: changeLocks.holder });
  if (taken[0]?.holder !== holder) return null;

  let released = false;
  return async () => {
    if (released) return;
    released = true;
    try {
      // Only our own lock: if it expired and was taken over, the new holder keeps it.
      await db
        .delete(changeLocks)
        .where(and(eq(changeLocks.key, key), eq(changeLocks.holder, holder)));
    } catch (error) {
      // The lock then ends when it expires; the change itself is done.
      log.warn("change-lock.release-failed", { key, error: String(error) });
    }
  };
}

/**
 * Runs `change` holding the lock `key`, and releases the lock however `change` ends (result or
 * throw). Returns `{ locked: false }` without running it while another holder has the lock.
 */
export async function withChangeLock<T>(
  key: string,
  ttlMs: number,
  change: () => Promise<T>,
  db: Database = getDb(),
): Promise<{ locked: true; value: T } | { locked: false }> {
  const release = await acquireChangeLock(key, ttlMs, db);
  if (!release) return { locked: false };
  try {
    return { locked: true, value: await change() };
  } finally {
    await release();
  }
}
