import "server-only";
import { eq, lte, sql } from "drizzle-orm";
import { getDb, type Database } from "@/lib/db/connection";
import { revokedSessions } from "@/lib/db/schema";

/**
 * Sign-out that ends a session on every console process. A session is a self-contained JWT in a
 * cookie, valid wherever it is presented until it expires; so sign-out records the token's id
 * (`jti`) here, and every request's session check asks `isSessionRevoked`. Only the id is kept.
 */

/**
 * Revokes the session `sessionId` until `expiresAt` (the JWT's own expiry: after it the token is
 * refused anyway, and the row may go). Revoking twice is harmless. Throws when the database fails:
 * the caller must not tell the admin they are signed out everywhere.
 */
export async function revokeSession(
  sessionId: string,
  expiresAt: Date,
  db: Database = getDb(),
): Promise<void> {
  await db
    .insert(revokedSessions)
    .values({ sessionId, expiresAt })
    .onConflictDoUpdate({
      target: revokedSessions.sessionId,
      set: { expiresAt: sql`greatest(${revokedSessions.expiresAt}, excluded.expires_at)` },
    });
  // Sign-outs are rare; clearing the rows no JWT can need any more keeps the table small.
  await db.delete(revokedSessions).where(lte(revokedSessions.expiresAt, sql`now()`));
}

/**
 * True when `sessionId` was revoked. One primary-key lookup per request. Throws when the database
 * fails: the caller should then refuse the request (fail closed), not wave the session through.
 */
export async function isSessionRevoked(
  sessionId: string,
  db: Database = getDb(),
): Promise<boolean> {
  const [row] = await db
    .select({ sessionId: revokedSessions.sessionId })
    .from(revokedSessions)
    .where(eq(revokedSessions.sessionId, sessionId))
    .limit(1);
  return row !== undefined;
}
