import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Database } from "@/lib/db/connection";
import { auditEvents } from "@/lib/db/schema";
import { GENESIS_HASH } from "./chain";
import { walkAuditChain, type ChainPoint } from "./verify";

/**
 * The activity page's answer to "does the history verify?" without walking 100,000 events on every
 * view. A walk is O(n), so the page never starts one from the beginning by itself: a "Verify
 * history" button does (`full`), and this process remembers how far the chain held (the last
 * verified event's id and hash). Each later view first checks that that event still has that hash,
 * then walks only the events written since, at most `INCREMENT_LIMIT` at a time, and moves the mark.
 *
 * What this does not see: an edit to an event before the mark made after the last full walk; the
 * page says when that walk was, and the button walks everything again. The mark lives in this
 * process only (a cache: another console process has its own, or none yet), never in the database,
 * which an attacker who edits the history could edit too.
 */

export type ChainStatus =
  | { state: "unchecked" }
  | {
      state: "verified";
      /** Events verified, from the first. */
      count: number;
      /** The newest verified event's id (0: the history is empty). */
      throughId: number;
      /** Whether newer events remain to be checked (more were written than one view walks). */
      behind: boolean;
      fullCheckAt: Date;
    }
  | { state: "broken"; brokenAtId: number; reason: string; fullCheckAt: Date };

interface Mark {
  point: ChainPoint;
  count: number;
  fullCheckAt: Date;
  broken?: { brokenAtId: number; reason: string };
}

/** The most events a page view checks past the mark: a bounded cost for the page. */
export const INCREMENT_LIMIT = 2_000;

const MARK_KEY = Symbol.for("wink-console.audit-chain-mark");
type MarkHolder = { [MARK_KEY]?: Mark };

/** Forgets the mark (tests). */
export function forgetChainMark(): void {
  delete (globalThis as MarkHolder)[MARK_KEY];
}

/**
 * The chain's status. `full`: walk every event from the first (the button). Otherwise continue from
 * this process's mark, or answer "unchecked" when there is none. Throws when the database fails.
 */
export async function checkAuditChain(
  options: { db?: Database; full?: boolean } = {},
): Promise<ChainStatus> {
  const db = options.db ?? getDb();
  const holder = globalThis as MarkHolder;
  let mark = holder[MARK_KEY];
  if (options.full) {
    const fullCheckAt = new Date();
    const walk = await walkAuditChain(db);
    mark = walk.ok
      ? { point: walk.last, count: walk.count, fullCheckAt }
      : {
          point: { afterId: 0, prevHash: GENESIS_HASH },
          count: 0,
          fullCheckAt,
          broken: { brokenAtId: walk.brokenAtId, reason: walk.reason },
        };
    holder[MARK_KEY] = mark;
    return statusOf(mark, false);
  }
  if (!mark) return { state: "unchecked" };
  // A broken chain stays broken until someone walks it all again.
  if (mark.broken) return statusOf(mark, false);

  if (mark.point.afterId > 0) {
    const [still] = await db
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .where(eq(auditEvents.id, mark.point.afterId));
    if (still?.hash !== mark.point.prevHash) {
      mark = {
        ...mark,
        broken: {
          brokenAtId: mark.point.afterId,
          reason: still
            ? "The event's hash changed after it was verified: it was rewritten."
            : "The event was removed after it was verified.",
        },
      };
      holder[MARK_KEY] = mark;
      return statusOf(mark, false);
    }
  }
  const walk = await walkAuditChain(db, mark.point, INCREMENT_LIMIT);
  mark = walk.ok
    ? { ...mark, point: walk.last, count: mark.count + walk.count }
    : { ...mark, broken: { brokenAtId: walk.brokenAtId, reason: walk.reason } };
  holder[MARK_KEY] = mark;
  return statusOf(mark, walk.ok && !walk.complete);
}

function statusOf(mark: Mark, behind: boolean): ChainStatus {
  if (mark.broken) return { state: "broken", ...mark.broken, fullCheckAt: mark.fullCheckAt };
  return {
    state: "verified",
    count: mark.count,
    throughId: mark.point.afterId,
    behind,
    fullCheckAt: mark.fullCheckAt,
  };
}
