import type { AuditChanges, ListChange } from "@/lib/audit/write";

/** The parts of an application an update may change, as Wink has them and as the form sends them. */
type Editable = {
  name: string;
  redirectUris: readonly string[];
  postLogoutRedirectUris: readonly string[];
  scopes: readonly string[];
};

/**
 * What an update changes, for its audit event: the name (from, to) and the scopes and URIs added
 * and removed. Members that do not change are left out; undefined when nothing changes. URIs and
 * scope names are public registration data, never a secret.
 */
export function auditChangesOf(before: Editable, after: Editable): AuditChanges | undefined {
  const changes: AuditChanges = {};
  if (before.name !== after.name) changes.name = { from: before.name, to: after.name };
  const lists = ["scopes", "redirectUris", "postLogoutRedirectUris"] as const;
  for (const key of lists) {
    const change = listChange(before[key], after[key]);
    if (change) changes[key] = change;
  }
  return Object.keys(changes).length ? changes : undefined;
}

function listChange(before: readonly string[], after: readonly string[]): ListChange | undefined {
  const was = new Set(before);
  const now = new Set(after);
  const added = [...now].filter((item) => !was.has(item));
  const removed = [...was].filter((item) => !now.has(item));
  return added.length || removed.length ? { added, removed } : undefined;
}
