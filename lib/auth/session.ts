import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getEnv } from "@/lib/env";
import { isSessionRevoked } from "@/lib/guards";
import { log } from "@/lib/log";
import { publicOrigin } from "./origin";
import { roleFor, type Role } from "./roles";
import { readSessionCookie } from "./session-cookie";

/** The person behind a request: who signed in, and what the access lists make of them. */
export interface Viewer {
  email: string;
  name: string | null;
  /** null: signed in, but on neither list. */
  role: Role | null;
  /**
   * Set when the database could not say whether this session was signed out. Reads go on (Wink
   * is the source of what is shown); changes are refused (lib/auth/guard.ts), as they are anyway
   * while the replay guard and the audit are out of reach.
   */
  sessionUnchecked?: true;
}

/**
 * The signed-in person of this request, or null when anonymous or signed out. Memoised per request,
 * so the cookie is decoded once per request (the proxy reads it only for page navigations: see
 * proxy.ts), and without Auth.js's renewal of it, which a page, action or handler cannot send
 * (lib/auth/session-cookie.ts).
 *
 * Signed out means on any console process: the session's id is looked up in the revocation list
 * (one primary-key read; lib/auth/config.ts says why not database sessions). A session without an
 * id was issued before sign-out could end sessions, and is refused. The role is computed from the
 * access lists on every request, so removing someone from CONSOLE_ADMINS takes effect at once.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const requestHeaders = await headers();
  const { auth: settings } = getEnv();
  // The cookie's name follows the console's public origin, as Auth.js names it at sign-in.
  const session = await readSessionCookie(requestHeaders.get("cookie"), {
    secret: settings.secret,
    secure: publicOrigin(requestHeaders).startsWith("https:"),
  });
  if (!session) return null;
  const { email, sessionId } = session;
  if (!sessionId) return null;
  let unchecked = false;
  try {
    if (await isSessionRevoked(sessionId)) return null;
  } catch (error) {
    log.error("auth.session.revocation-unchecked", { error });
    unchecked = true;
  }
  const { access } = getEnv();
  return {
    email,
    name: session.name,
    role: roleFor(email, access),
    ...(unchecked ? { sessionUnchecked: true as const } : {}),
  };
});
