import { listParamsToSearch, type ListParams } from "@/lib/applications/list-params";

/**
 * The react-query key of an entity's application list: the prefix of every view's key. The list
 * reads it; the create, edit, delete and rotate flows invalidate it once they are done (create and
 * rotate only after the secret dialog has closed, so the secret is never re-rendered next to a
 * refreshed list), which reaches every view of the entity.
 */
export function applicationsQueryKey(entityId: string) {
  return ["applications", entityId] as const;
}

/** The key of one view (search, filters, sort, page) of the list: its query string. */
export function applicationsViewKey(entityId: string, view: ListParams) {
  return [...applicationsQueryKey(entityId), "view", listParamsToSearch(view)] as const;
}
