/**
 * Who may do what. Admins read and change; viewers only read; anyone else who signs in gets the
 * "no access" page. Access lists are comma-separated emails or `@domain` entries (CONSOLE_ADMINS,
 * CONSOLE_VIEWERS). Pure functions: the role is derived from the email on every request, so a
 * change to the lists takes effect without anyone signing in again.
 */

export type Role = "admin" | "viewer";

export const ROLE_LABELS: Record<Role, string> = { admin: "Admin", viewer: "Viewer" };

export interface AccessLists {
  admins: readonly string[];
  viewers: readonly string[];
}

function matches(email: string, entry: string): boolean {
  // "@example.com" matches that exact domain, not its subdomains: a subdomain may belong to
  // someone else (a customer, a vendor) and must be named on its own.
  return entry.startsWith("@") ? email.endsWith(entry) : email === entry;
}

export function roleFor(email: string | null | undefined, lists: AccessLists): Role | null {
  if (!email) return null;
  const normalised = email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(normalised)) return null;
  if (lists.admins.some((entry) => matches(normalised, entry))) return "admin";
  if (lists.viewers.some((entry) => matches(normalised, entry))) return "viewer";
  return null;
}

/** What each role may do. Pages hide controls and every action checks with the same table. */
export function can(role: Role | null, permission: "read" | "change"): boolean {
  if (role === "admin") return true;
  if (role === "viewer") return permission === "read";
  return false;
}
