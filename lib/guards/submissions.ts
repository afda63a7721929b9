import "server-only";
import { lte, sql } from "drizzle-orm";
import { getDb, type Database } from "@/lib/db/connection";
import { submissionClaims } from "@/lib/db/schema";

/**
 * The replay guard across every console process: a change request's id (the form's submission id)
 * is accepted once until its claim expires, so the same form submitted twice (a double click, a
 * replayed POST, a retry sent to another instance) changes Wink once. Only the id is kept.
 */

/** About one claim in this many also clears expired claims, so the table stays small untended. */
const PRUNE_ONE_IN = 100;

/**
 * True the first time `submissionId` is claimed, false for every repeat until `ttlMs` has passed
 * (then it may be claimed again). Atomic on the database: of any number of simultaneous claims, in
 * any processes, exactly one is true. Throws when the database fails: the caller must then refuse
 * the change, as it cannot tell a replay from a first request.
 */
export async function claimSubmission(
  submissionId: string,
  ttlMs: number,
  db: Database = getDb(),
): Promise<boolean> {
  const expiresAt = sql`now() + ${ttlMs}::double precision * interval '1 millisecond'`;
  const claimed = await db
    .insert(submissionClaims)
    .values({ submissionId, claimedAt: sql`now()`, expiresAt })
    .onConflictDoUpdate({
      target: submissionClaims.submissionId,
      set: { claimedAt: sql`now()`, expiresAt },
      where: lte(submissionClaims.expiresAt, sql`now()`),
    })
    .returning({ submissionId: submissionClaims.submissionId });
  if (Math.random() * PRUNE_ONE_IN < 1) await pruneSubmissionClaims(db);
  return claimed.length === 1;
}

/** Deletes expired claims; returns how many. Cheap (indexed on expires_at). */
export async function pruneSubmissionClaims(db: Database = getDb()): Promise<number> {
  const removed = await db
    .delete(submissionClaims)
    .where(lte(submissionClaims.expiresAt, sql`now()`))
    .returning({ submissionId: submissionClaims.submissionId });
  return removed.length;
}
