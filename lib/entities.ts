import "server-only";
import { cache } from "react";
import { getEnv } from "@/lib/env";
import { getWinkClient } from "@/lib/wink";
import { createEntityCache, type EntityOption } from "./entity-cache";

export type { EntityOption };

// One cache per process, shared by every request, page render and server action (Next bundles
// server code more than once, hence globalThis, as lib/wink does for its client). The entity list
// changes only when someone changes the account in Wink, so a short-lived copy is enough: without
// it every render and every action asked Wink for it again, half of all Wink calls of a session.
const CACHE_KEY = Symbol.for("wink-console.entity-cache");
type CacheHolder = { [CACHE_KEY]?: ReturnType<typeof createEntityCache> };

function entityCache() {
  const holder = globalThis as CacheHolder;
  holder[CACHE_KEY] ??= createEntityCache(
    async () => {
      const pinned = getEnv().wink.managingEntityId;
      const entities = (await getWinkClient().listManagingEntities()).map(({ id, name }) => ({
        id,
        name: name || id,
      }));
      if (!pinned) return entities;
      return [entities.find((entity) => entity.id === pinned) ?? { id: pinned, name: pinned }];
    },
    { ttlMs: getEnv().wink.entityCacheMs },
  );
  return holder[CACHE_KEY];
}

/**
 * The managing entities the console works on: with WINK_MANAGING_ENTITY_ID set, only that one
 * (named from Wink's list when the credential can see it); otherwise every entity the credential
 * owns. From the process's short-lived cache (lib/entity-cache.ts, WINK_ENTITY_CACHE_SECONDS),
 * and memoised per request as well, so that with the cache off a page render still asks once.
 * Throws WinkError when Wink cannot be asked and nothing fresh is cached.
 */
export const loadEntities = cache((): Promise<EntityOption[]> => entityCache().load());

/** True when the entity switcher has a choice to offer. */
export function entityIsPinned(): boolean {
  return getEnv().wink.managingEntityId !== null;
}

/**
 * Whether an entity id that came from a browser is one the console works on. Actions check it
 * before they ask Wink anything: the id is in the URL, and the URL is the caller's to write. An id
 * the cached list does not hold makes the cache ask Wink again (an entity added since), at most
 * once every few seconds, so that random ids cannot turn into a stream of calls to Wink.
 */
export async function isKnownEntity(entityId: unknown): Promise<boolean> {
  if (typeof entityId !== "string" || !entityId) return false;
  // The per-request copy first: with the cache off, a render that loaded the list asks no more.
  if ((await loadEntities()).some((entity) => entity.id === entityId)) return true;
  return entityCache().has(entityId);
}
