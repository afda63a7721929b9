import "server-only";
import { asc, gt } from "drizzle-orm";
import { getDb, type Database } from "@/lib/db/connection";
import { auditEvents } from "@/lib/db/schema";
import { chainHash, GENESIS_HASH } from "./chain";

/** The verdict on the audit history. */
export type AuditChainVerdict =
  { ok: true; count: number } | { ok: false; brokenAtId: number; reason: string };

/** Where a walk starts: after the event `afterId`, whose hash is `prevHash` (0 and genesis: the start). */
export interface ChainPoint {
  afterId: number;
  prevHash: string;
}

/** A walk's verdict; when it holds, the last event it checked (to continue from later). */
export type ChainWalk =
  | { ok: true; count: number; last: ChainPoint; complete: boolean }
  | { ok: false; brokenAtId: number; reason: string };

const PAGE_SIZE = 1_000;

/**
 * Walks the whole audit history in id order and checks each event's link to the one before it and
 * its own hash. Reports the first event where the chain breaks: an event whose contents were
 * edited, or the event after one that was removed or inserted. Reads in pages, so memory stays flat
 * however long the history. Throws only when the database fails.
 */
export async function verifyAuditChain(db: Database = getDb()): Promise<AuditChainVerdict> {
  const walk = await walkAuditChain(db);
  return walk.ok ? { ok: true, count: walk.count } : walk;
}

/**
 * The walk `verifyAuditChain` makes, from any verified point (`from`, default the start) and for at
 * most `limit` events (default all): `complete` says whether it reached the newest event.
 */
export async function walkAuditChain(
  db: Database,
  from: ChainPoint = { afterId: 0, prevHash: GENESIS_HASH },
  limit = Number.POSITIVE_INFINITY,
): Promise<ChainWalk> {
  let { prevHash, afterId } = from;
  let count = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, afterId))
      .orderBy(asc(auditEvents.id))
      .limit(Math.min(PAGE_SIZE, limit - count));
    for (const row of page) {
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          brokenAtId: row.id,
          reason:
            from.afterId === 0 && count === 0 && row.prevHash !== GENESIS_HASH
              ? "The first event does not start the chain: earlier events were removed."
              : "The event does not follow the one before it: an event was removed, inserted or reordered.",
        };
      }
      if (chainHash(row.prevHash, row) !== row.hash) {
        return {
          ok: false,
          brokenAtId: row.id,
          reason:
            "The event's contents do not match its hash: it was changed after it was written.",
        };
      }
      prevHash = row.hash;
      afterId = row.id;
      count++;
    }
    const last = { afterId, prevHash };
    if (page.length < PAGE_SIZE && count < limit) return { ok: true, count, last, complete: true };
    if (count >= limit) {
      const [more] = await db
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(gt(auditEvents.id, afterId))
        .limit(1);
      return { ok: true, count, last, complete: !more };
    }
  }
}
