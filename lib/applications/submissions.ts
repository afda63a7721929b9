import "server-only";

/**
 * Remembers, for ten minutes, the ids of change requests already accepted by this process, so
 * that the same form submitted twice (a double click, a replayed POST) changes Wink once.
 * Only the id is kept: never the request's input or Wink's answer, which may carry a secret.
 *
 * Per process, like the token cache: behind a load balancer a replay to another instance is not
 * caught here, but the browser's own guard (one pending submit) still holds.
 */
const TTL_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 10_000;
const seen = new Map<string, number>();

/** True the first time an id is claimed; false for every repeat within the TTL. */
export function claimSubmission(id: string): boolean {
  const now = Date.now();
  for (const [key, expires] of seen) {
    if (expires > now && seen.size < MAX_ENTRIES) break;
    seen.delete(key);
  }
  if ((seen.get(id) ?? 0) > now) return false;
  seen.set(id, now + TTL_MS);
  return true;
}
