import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { RECORD_UNAVAILABLE } from "@/lib/guards";
import { isSameOriginRequest, publicOrigin } from "./origin";
import { can, type Role } from "./roles";
import { getViewer, type Viewer } from "./session";

export { safeReturnPath } from "./return-path";

export type Permission = "read" | "change";

export type Authorization =
  | { ok: true; viewer: Viewer & { role: Role } }
  | { ok: false; status: 401 | 403 | 503; error: string; viewer?: Viewer };

/** Why a change is refused before the session is even read. */
export const NOT_FROM_CONSOLE = "This request did not come from the console's own pages.";

/**
 * The one check every server action and route handler makes. The proxy's redirect is a
 * convenience for browsers; an action is a public POST endpoint that anyone can call directly, so
 * each one asks here, itself, before it does anything.
 *
 * A change is only ever made by a POST (a server action, or a route handler's POST/PUT/PATCH/
 * DELETE), so for "change" the request must also come from the console's own pages
 * (lib/auth/origin.ts). proxy.ts refuses other requests first; this is the same rule again, for a
 * request that did not pass through the proxy.
 */
export async function authorize(permission: Permission): Promise<Authorization> {
  if (permission === "change") {
    const requestHeaders = await headers();
    if (!isSameOriginRequest(requestHeaders, publicOrigin(requestHeaders))) {
      return { ok: false, status: 403, error: NOT_FROM_CONSOLE };
    }
  }
  const viewer = await getViewer();
  if (!viewer) return { ok: false, status: 401, error: "Sign in to continue." };
  // Whether this session was signed out is not known: fail closed for changes.
  if (permission === "change" && viewer.sessionUnchecked) {
    return { ok: false, status: 503, viewer, error: RECORD_UNAVAILABLE };
  }
  if (!viewer.role || !can(viewer.role, permission)) {
    return {
      ok: false,
      status: 403,
      viewer,
      error:
        permission === "change"
          ? "Only admins can change applications."
          : "Your account has no access to this console.",
    };
  }
  return { ok: true, viewer: viewer as Viewer & { role: Role } };
}

/** For route handlers: the refusal as a JSON response, or the viewer. */
export async function authorizeRequest(
  permission: Permission,
): Promise<{ viewer: Viewer & { role: Role }; refusal?: never } | { refusal: Response }> {
  const result = await authorize(permission);
  if (result.ok) return { viewer: result.viewer };
  return {
    refusal: Response.json(
      { error: result.error },
      { status: result.status, headers: { "Cache-Control": "no-store" } },
    ),
  };
}

/**
 * For pages: anonymous visitors go to sign-in (keeping where they were going), people on neither
 * list to the no-access page. Returns the viewer, whose role the page uses to hide controls.
 */
export async function requirePageAccess(returnTo: string): Promise<Viewer & { role: Role }> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!viewer.role) redirect("/no-access");
  return viewer as Viewer & { role: Role };
}
