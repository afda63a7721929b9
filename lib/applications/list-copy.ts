/**
 * A short-lived per-process copy of Wink's application array per entity, with the keys the list
 * sorts and searches by (lib/applications/list-model.ts), so that a search keystroke, a sort or a
 * page turn costs no Wink call and no name sort: Wink answers the whole array or nothing.
 *
 * - `load(entityId)` answers from the copy while it is younger than `ttlMs`; otherwise it asks once,
 *   however many callers are waiting, and keeps the answer. A failed read is not kept.
 * - `load(entityId, { fresh: true })` always asks (a page render, a refetch, a retry): what the admin
 *   sees after a navigation or a Retry is Wink's list as it is now, and a fault shows at once.
 * - `forget(entityId)` drops the copy, and an answer already on its way is not kept either: the
 *   process's own create, update, rotate and delete call it.
 *
 * Times are milliseconds; `now` is injectable for tests. No secret is in the array (Wink's list
 * carries none).
 */
import type { Application } from "@/lib/wink-contract/schemas";
import { indexWinkApplications, type WinkKeys } from "./list-model";

export interface ListCopy {
  applications: readonly Application[];
  /** Aligned with `applications`. */
  keys: readonly WinkKeys[];
  /** Taken before Wink was asked: a record written after it is newer than this array. */
  observedAt: Date;
}

export interface ListCopyOptions {
  /** How long a copy serves view changes. Default 5 s. */
  ttlMs?: number;
  now?: () => number;
}

export function createListCopies(
  fetchApplications: (entityId: string) => Promise<Application[]>,
  { ttlMs = 5_000, now = Date.now }: ListCopyOptions = {},
) {
  const copies = new Map<string, { copy: ListCopy; fetchedAt: number }>();
  const inFlight = new Map<string, Promise<ListCopy>>();
  const generations = new Map<string, number>();
  const generation = (entityId: string) => generations.get(entityId) ?? 0;

  function refresh(entityId: string): Promise<ListCopy> {
    const pending = inFlight.get(entityId);
    if (pending) return pending;
    const startedIn = generation(entityId);
    const observedAt = new Date(now());
    const read = fetchApplications(entityId)
      .then((applications) => {
        const copy = { applications, keys: indexWinkApplications(applications), observedAt };
        if (startedIn === generation(entityId)) copies.set(entityId, { copy, fetchedAt: now() });
        return copy;
      })
      .finally(() => {
        if (inFlight.get(entityId) === read) inFlight.delete(entityId);
      });
    inFlight.set(entityId, read);
    return read;
  }

  return {
    /** The entity's copy; throws what `fetchApplications` throws (a WinkError). */
    async load(entityId: string, { fresh = false }: { fresh?: boolean } = {}): Promise<ListCopy> {
      const held = copies.get(entityId);
      if (!fresh && held && now() - held.fetchedAt < ttlMs) return held.copy;
      // A read already on its way is shared, fresh or not: `forget` drops one that started
      // before a change, so what is in flight is never older than the last change.
      return refresh(entityId);
    },
    forget,
  };

  function forget(entityId: string): void {
    // Nothing held, nothing to drop: an id that was never read leaves no trace behind.
    if (!copies.has(entityId) && !inFlight.has(entityId)) return;
    copies.delete(entityId);
    inFlight.delete(entityId);
    generations.set(entityId, generation(entityId) + 1);
  }
}
