import "server-only";
import { asc, gt } from "drizzle-orm";
import { getDb, type Database } from "@/lib/db/connection";
import { auditEvents } from "@/lib/db/schema";
import { chainHash, GENESIS_HASH } from "./chain";

/** The verdict on the audit history. */
export type AuditChainVerdict =
  { ok: true; count: number } | { ok: false; brokenAtId: number; reason: string };

const PAGE_SIZE = 1_000;

/**
 * Walks the whole audit history in id order and checks each event's link to the one before it and
 * its own hash. Reports the first event where the chain breaks: an event whose contents were
 * edited, or the event after one that was removed or inserted. Reads in pages, so memory stays flat
 * however long the history. Throws only when the database fails.
 */
export async function verifyAuditChain(db: Database = getDb()): Promise<AuditChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let count = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, afterId))
      .orderBy(asc(auditEvents.id))
      .limit(PAGE_SIZE);
    for (const row of page) {
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          brokenAtId: row.id,
          reason:
            count === 0 && row.prevHash !== GENESIS_HASH
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
    if (page.length < PAGE_SIZE) return { ok: true, count };
  }
}
