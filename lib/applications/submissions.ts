import "server-only";

/**
 * The replay guard: remembers the ids of change requests already accepted by this process, so that
 * the same form submitted twice (a double click, a replayed POST) changes Wink once. Only the id is
 * kept: never the request's input or Wink's answer, which may carry a secret.
 *
 * Per process, like the token cache: behind a load balancer a replay to another instance is not
 * caught here, but the browser's own guard (one pending submit) still holds. The database-backed
 * guard has the same signature, so the change pipeline swaps one for the other in one place
 * (lib/applications/changes/dependencies.ts).
 *
 * Eviction: the map is bounded (MAX_ENTRIES) so that a flood of ids cannot grow the process without
 * limit. It relies on insertion order being expiry order (every id gets the same TTL, and a Map
 * iterates in insertion order), so the sweep stops at the first live entry. When the map is full the
 * oldest live ids go first: a replay of one of those would then be let through, which is why the
 * bound is far above what admins can submit within a TTL.
 */
const MAX_ENTRIES = 10_000;
const seen = new Map<string, number>();

/** True the first time an id is claimed; false for every repeat within `ttlMs`. */
export async function claimSubmission(id: string, ttlMs: number): Promise<boolean> {
  const now = Date.now();
  for (const [key, expires] of seen) {
    if (expires > now && seen.size < MAX_ENTRIES) break;
    seen.delete(key);
  }
  if ((seen.get(id) ?? 0) > now) return false;
  seen.set(id, now + ttlMs);
  return true;
}
