import "server-only";
import { getWinkClient } from "@/lib/wink";
import { joinRecords, type JoinedList } from "./list-join";

export { toPublicApplication, type JoinedList, type ListedApplication } from "./list-join";
export { RECORD_UNAVAILABLE_MESSAGE } from "./listed-application";

/**
 * The list of an entity's applications as it may leave the server: the page hands it to the
 * browser as react-query's initial data, and the route handler answers refetches with it.
 *
 * Only chosen members cross (see `toListedApplication` in ./list-join.ts). Each application carries the console's record (reconciled with this very list, see
 * lib/applications/record/reconcile.ts), or null with `recordUnavailable` when the database
 * cannot be read. Throws WinkError when Wink cannot list them.
 */
export async function loadApplications(entityId: string): Promise<JoinedList> {
  // Taken before Wink is asked: a create or rotate recorded after it is newer than this list.
  const observedAt = new Date();
  const applications = await getWinkClient().listApplications(entityId);
  return joinRecords(entityId, applications, observedAt);
}

/** The list with the moment it was read: react-query's `initialDataUpdatedAt` on the page. */
export async function loadApplicationsSnapshot(
  entityId: string,
): Promise<JoinedList & { loadedAt: number }> {
  const list = await loadApplications(entityId);
  return { ...list, loadedAt: Date.now() };
}
