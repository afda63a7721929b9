import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachDatabase } from "@/test/databases";
import { acquireChangeLock, withChangeLock } from "./change-locks";
import { isSessionRevoked, revokeSession } from "./sessions";
import { claimSubmission, pruneSubmissionClaims } from "./submissions";

const MINUTE = 60_000;

describeEachDatabase("guards", (get) => {
  it("accept a submission id once", async () => {
    const { db, other } = get();
    expect(await claimSubmission("form-1", MINUTE, db)).toBe(true);
    expect(await claimSubmission("form-1", MINUTE, db)).toBe(false);
    expect(await claimSubmission("form-1", MINUTE, other)).toBe(false);
    expect(await claimSubmission("form-2", MINUTE, other)).toBe(true);
  });

  it("give exactly one of 20 simultaneous claims of one id, from two processes", async () => {
    const { db, other } = get();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        claimSubmission("form-race", MINUTE, n % 2 ? other : db),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("accept an id again once its claim has expired, and prune expired claims", async () => {
    const { db } = get();
    await db.execute(
      sql`update submission_claims set expires_at = now() - interval '1 second' where submission_id = 'form-1'`,
    );
    expect(await claimSubmission("form-1", MINUTE, db)).toBe(true);
    expect(await claimSubmission("form-1", MINUTE, db)).toBe(false);
    await db.execute(
      sql`update submission_claims set expires_at = now() - interval '1 second' where submission_id = 'form-2'`,
    );
    expect(await pruneSubmissionClaims(db)).toBe(1);
    expect(await claimSubmission("form-2", MINUTE, db)).toBe(true);
  });

  it("give a change lock to one holder until it is released", async () => {
    const { db, other } = get();
    const release = await acquireChangeLock("rotate:e:a1", MINUTE, db);
    expect(release).toBeTypeOf("function");
    expect(await acquireChangeLock("rotate:e:a1", MINUTE, other)).toBeNull();
    expect(await acquireChangeLock("rotate:e:a2", MINUTE, other)).not.toBeNull();
    await release!();
    await release!();
    const again = await acquireChangeLock("rotate:e:a1", MINUTE, other);
    expect(again).not.toBeNull();
    await again!();
  });

  it("give exactly one of 20 simultaneous acquires of one lock, from two processes", async () => {
    const { db, other } = get();
    const releases = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        acquireChangeLock("delete:e:a3", MINUTE, n % 2 ? other : db),
      ),
    );
    const held = releases.filter((release) => release !== null);
    expect(held).toHaveLength(1);
    await held[0]!();
  });

  it("let a lock whose holder died be taken over, and keep the old holder's release off it", async () => {
    const { db, other } = get();
    const stale = await acquireChangeLock("rotate:e:a4", MINUTE, db);
    await db.execute(
      sql`update change_locks set expires_at = now() - interval '1 second' where key = 'rotate:e:a4'`,
    );
    const taker = await acquireChangeLock("rotate:e:a4", MINUTE, other);
    expect(taker).not.toBeNull();
    await stale!();
    expect(await acquireChangeLock("rotate:e:a4", MINUTE, db)).toBeNull();
    await taker!();
    expect(await acquireChangeLock("rotate:e:a4", MINUTE, db)).not.toBeNull();
  });

  it("release the lock when the locked change throws, and refuse while it is held", async () => {
    const { db, other } = get();
    const failing = withChangeLock(
      "rotate:e:a5",
      MINUTE,
      async () => {
        expect(await withChangeLock("rotate:e:a5", MINUTE, async () => "second", other)).toEqual({
          locked: false,
        });
        throw new Error("Wink failed");
      },
      db,
    );
    await expect(failing).rejects.toThrow("Wink failed");
    expect(await withChangeLock("rotate:e:a5", MINUTE, async () => "after", other)).toEqual({
      locked: true,
      value: "after",
    });
  });

  it("revoke a session for every process, and forget revocations past the token's expiry", async () => {
    const { db, other } = get();
    const inAnHour = new Date(Date.now() + 60 * MINUTE);
    expect(await isSessionRevoked("jti-1", other)).toBe(false);
    await revokeSession("jti-1", inAnHour, db);
    await revokeSession("jti-1", inAnHour, db);
    expect(await isSessionRevoked("jti-1", other)).toBe(true);
    expect(await isSessionRevoked("jti-2", other)).toBe(false);
    await revokeSession("jti-old", new Date(Date.now() - MINUTE), db);
    await revokeSession("jti-3", inAnHour, db);
    expect(await isSessionRevoked("jti-old", db)).toBe(false);
    expect(await isSessionRevoked("jti-1", db)).toBe(true);
  });
});
