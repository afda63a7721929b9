/**
 * A short-lived copy of the managing-entity list, shared by every request of a process.
 *
 * - `load()` answers from the copy while it is younger than `ttlMs`; otherwise it asks once,
 *   however many callers are waiting (one request in flight), and keeps the answer. A failed read is
 *   not kept: the next caller asks again.
 * - `has(id)` answers from the copy; an id it does not hold refreshes the copy first, unless it was
 *   refreshed less than `refreshFloorMs` ago (so a flood of unknown ids costs Wink one call).
 * - `clear()` forgets the copy, and an answer already on its way is not kept either.
 * - `ttlMs` 0 keeps nothing between calls: every `load()` asks (concurrent ones still share).
 *
 * Times are milliseconds; `now` is injectable for tests.
 */
export interface EntityOption {
  id: string;
  name: string;
}

export interface EntityCacheOptions {
  /** How long a read stays fresh. Default 30 s. */
  ttlMs?: number;
  /** The least time between two refreshes forced by an unknown id. Default 5 s. */
  refreshFloorMs?: number;
  now?: () => number;
}

/** The cache over `fetchEntities` (which throws when Wink cannot be asked); see above. */
export function createEntityCache(
  fetchEntities: () => Promise<EntityOption[]>,
  { ttlMs = 30_000, refreshFloorMs = 5_000, now = Date.now }: EntityCacheOptions = {},
) {
  let value: { entities: EntityOption[]; fetchedAt: number } | null = null;
  let inFlight: Promise<EntityOption[]> | null = null;
  let generation = 0;

  function refresh(): Promise<EntityOption[]> {
    const startedIn = generation;
    inFlight ??= fetchEntities()
      .then((entities) => {
        if (startedIn === generation) value = { entities, fetchedAt: now() };
        return entities;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  async function load(): Promise<EntityOption[]> {
    if (value && now() - value.fetchedAt < ttlMs) return value.entities;
    return refresh();
  }

  async function has(id: string): Promise<boolean> {
    const entities = await load();
    if (entities.some((entity) => entity.id === id)) return true;
    if (value && now() - value.fetchedAt < refreshFloorMs) return false;
    return (await refresh()).some((entity) => entity.id === id);
  }

  return {
    load,
    has,
    clear() {
      value = null;
      inFlight = null;
      generation += 1;
    },
  };
}
