/**
 * The react-query key of an entity's application list. The list reads it; the create, edit,
 * delete and rotate flows invalidate it once they are done (create and rotate only after the
 * secret dialog has closed, so the secret is never re-rendered next to a refreshed list).
 */
export function applicationsQueryKey(entityId: string) {
  return ["applications", entityId] as const;
}
