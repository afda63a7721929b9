import { expect, it } from "vitest";
import { notificationPosts } from "@/lib/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { claimPost, markPosted, releasePost, STALE_CLAIM_MS } from "./post-once";

describeEachDatabase("the webhook's post-once claim", (get) => {
  const now = new Date("2026-11-30T07:00:00Z");

  it("lets one of two processes claiming at once post, and tells the other", async () => {
    const { db, other } = get();
    const claims = await Promise.all([
      claimPost(db, "2026-11-30", "race", now),
      claimPost(other, "2026-11-30", "race", now),
    ]);
    expect(claims.filter((claim) => claim.claimed)).toHaveLength(1);
    expect(claims.find((claim) => !claim.claimed)).toEqual({ claimed: false, reason: "in-flight" });
  });

  it("keeps a posted digest taken for the day, and frees a failed one for a retry", async () => {
    const { db } = get();
    const first = await claimPost(db, "2026-11-30", "posted", now);
    if (!first.claimed) throw new Error("the first claim must win");
    await markPosted(db, "2026-11-30", "posted", first.claimedAt, now);
    expect(await claimPost(db, "2026-11-30", "posted", now)).toEqual({
      claimed: false,
      reason: "posted",
    });
    // The next day is another key.
    expect((await claimPost(db, "2026-12-01", "posted", now)).claimed).toBe(true);

    const failed = await claimPost(db, "2026-11-30", "failed", now);
    if (!failed.claimed) throw new Error("the claim must win");
    await releasePost(db, "2026-11-30", "failed", failed.claimedAt);
    expect((await claimPost(db, "2026-11-30", "failed", now)).claimed).toBe(true);
  });

  it("takes over the claim of a run that died before it posted, once it is stale", async () => {
    const { db } = get();
    const dead = await claimPost(db, "2026-11-30", "dead", now);
    expect(dead.claimed).toBe(true);
    const soon = new Date(now.getTime() + STALE_CLAIM_MS - 1_000);
    expect(await claimPost(db, "2026-11-30", "dead", soon)).toEqual({
      claimed: false,
      reason: "in-flight",
    });
    const later = new Date(now.getTime() + STALE_CLAIM_MS + 1_000);
    const taken = await claimPost(db, "2026-11-30", "dead", later);
    expect(taken).toEqual({ claimed: true, claimedAt: later });
    // The dead run's late release does not free the claim another run now holds.
    await releasePost(db, "2026-11-30", "dead", now);
    const rows = await db.select().from(notificationPosts);
    expect(rows.some((row) => row.digestHash === "dead")).toBe(true);
  });
});
