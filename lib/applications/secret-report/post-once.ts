import "server-only";
import { and, eq, isNull, lt } from "drizzle-orm";
import type { Database } from "@/lib/db/connection";
import { notificationPosts } from "@/lib/db/schema";

/**
 * "Post the day's digest once", across retries and concurrent runs, in the console's database
 * (table `notification_posts`, keyed by the UTC day and the digest's hash).
 *
 * A run claims the key before it posts: the insert wins for one run only. It marks the claim posted
 * after a 2xx, and deletes it after a failure, so that a retry can post. A run that died between
 * claim and answer leaves a claim with no `posted_at`: another run takes it over once it is older
 * than STALE_CLAIM_MS, longer than any post can take (the webhook's deadline is 10 s).
 */

export const STALE_CLAIM_MS = 2 * 60_000;

export type Claim =
  { claimed: true; claimedAt: Date } | { claimed: false; reason: "posted" | "in-flight" };

export async function claimPost(
  db: Database,
  day: string,
  digestHash: string,
  now: Date,
): Promise<Claim> {
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
  const won = await db
    .insert(notificationPosts)
    .values({ day, digestHash, claimedAt: now })
    .onConflictDoUpdate({
      target: [notificationPosts.day, notificationPosts.digestHash],
      set: { claimedAt: now },
      setWhere: and(
        isNull(notificationPosts.postedAt),
        lt(notificationPosts.claimedAt, staleBefore),
      ),
    })
    .returning({ day: notificationPosts.day });
  if (won.length > 0) return { claimed: true, claimedAt: now };
  const [row] = await db
    .select({ postedAt: notificationPosts.postedAt })
    .from(notificationPosts)
    .where(and(eq(notificationPosts.day, day), eq(notificationPosts.digestHash, digestHash)));
  return { claimed: false, reason: row?.postedAt ? "posted" : "in-flight" };
}

const ours = (day: string, digestHash: string, claimedAt: Date) =>
  and(
    eq(notificationPosts.day, day),
    eq(notificationPosts.digestHash, digestHash),
    eq(notificationPosts.claimedAt, claimedAt),
  );

/** The post went out: the key stays taken for the day. */
export async function markPosted(
  db: Database,
  day: string,
  digestHash: string,
  claimedAt: Date,
  now: Date,
): Promise<void> {
  await db
    .update(notificationPosts)
    .set({ postedAt: now })
    .where(ours(day, digestHash, claimedAt));
}

/** The post failed: free the key (only if still this run's claim) so that a retry can post. */
export async function releasePost(
  db: Database,
  day: string,
  digestHash: string,
  claimedAt: Date,
): Promise<void> {
  await db
    .delete(notificationPosts)
    .where(and(ours(day, digestHash, claimedAt), isNull(notificationPosts.postedAt)));
}
