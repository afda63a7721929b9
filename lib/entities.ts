import "server-only";
import { cache } from "react";
import { getEnv } from "@/lib/env";
import { getWinkClient } from "@/lib/wink";

export interface EntityOption {
  id: string;
  name: string;
}

/**
 * The managing entities the console works on, memoised per request. With
 * WINK_MANAGING_ENTITY_ID set, only that one (named from Wink's list when the credential can see
 * it); otherwise every entity the credential owns. Throws WinkError when Wink cannot be asked.
 */
export const loadEntities = cache(async (): Promise<EntityOption[]> => {
  const pinned = getEnv().wink.managingEntityId;
  const entities = (await getWinkClient().listManagingEntities()).map(({ id, name }) => ({
    id,
    name: name || id,
  }));
  if (!pinned) return entities;
  return [entities.find((entity) => entity.id === pinned) ?? { id: pinned, name: pinned }];
});

/** True when the entity switcher has a choice to offer. */
export function entityIsPinned(): boolean {
  return getEnv().wink.managingEntityId !== null;
}

/**
 * Whether an entity id that came from a browser is one the console works on. Actions check it
 * before they ask Wink anything: the id is in the URL, and the URL is the caller's to write.
 */
export async function isKnownEntity(entityId: unknown): Promise<boolean> {
  if (typeof entityId !== "string" || !entityId) return false;
  return (await loadEntities()).some((entity) => entity.id === entityId);
}
